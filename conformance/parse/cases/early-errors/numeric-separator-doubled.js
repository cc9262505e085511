// expect: SyntaxError at 2:11
var a = 1__0;
