// expect: SyntaxError at 2:10
var s = `\unicode`;
