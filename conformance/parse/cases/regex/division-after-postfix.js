// expect: ok
var x = a++ / 2;
