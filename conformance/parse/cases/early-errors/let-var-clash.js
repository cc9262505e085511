// expect: SyntaxError at 3:5
let a;
var a;
