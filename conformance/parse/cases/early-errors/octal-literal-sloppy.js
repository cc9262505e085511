// expect: ok
var a = 010;
var b = '\01';
var c = 08;
