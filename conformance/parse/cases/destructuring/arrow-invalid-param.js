// expect: SyntaxError at 2:10
var f = (a + b) => 1;
