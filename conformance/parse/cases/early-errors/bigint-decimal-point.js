// expect: SyntaxError at 2:12
var a = 1.5n;
