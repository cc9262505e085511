// expect: SyntaxError at 2:11
var s = `a\01`;
