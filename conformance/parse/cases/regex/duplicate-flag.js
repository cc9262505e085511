// expect: SyntaxError at 2:9
var r = /a/gg;
