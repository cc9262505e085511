// expect: SyntaxError at 2:9
var s = 'abc
var t = 1;
