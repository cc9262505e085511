// expect: SyntaxError at 2:10
var a = 3in [];
