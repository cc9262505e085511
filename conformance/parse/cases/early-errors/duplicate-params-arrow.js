// expect: SyntaxError at 2:13
var f = (a, a) => 1;
