// expect: SyntaxError at 2:15
function f(a, a = 1) {}
