// expect: SyntaxError at 2:9
var a = 07n;
