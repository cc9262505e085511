// expect: SyntaxError at 3:5
let a;
let a;
