// expect: SyntaxError at 2:11
var a = 0x_1;
