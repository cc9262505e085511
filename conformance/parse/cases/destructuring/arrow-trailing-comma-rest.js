// expect: SyntaxError at 2:14
var f = (...a,) => a;
