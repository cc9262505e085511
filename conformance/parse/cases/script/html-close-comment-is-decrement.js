// expect: ok
var x = 1;
x --> 0;
