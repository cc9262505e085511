// expect: SyntaxError at 2:9
var t = new.target;
