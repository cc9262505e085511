// expect: SyntaxError at 2:9
var u = import.meta;
