// expect: SyntaxError at 2:6
var a€ = 1;
