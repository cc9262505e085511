// expect: SyntaxError at 2:5
let let = 1;
