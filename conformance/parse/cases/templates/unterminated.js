// expect: SyntaxError at 2:16
var s = `abc${x}
