// expect: SyntaxError at 2:16
var o = { set a() {} };
