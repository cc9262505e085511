// expect: ok
var yield = 1;
