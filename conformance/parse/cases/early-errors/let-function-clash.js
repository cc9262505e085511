// expect: SyntaxError at 3:10
let f;
function f() {}
