// expect: ok
var a = 6, b = 3, c = 2;
var d = a / b / c;
