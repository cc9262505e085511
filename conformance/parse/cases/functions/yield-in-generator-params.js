// expect: SyntaxError at 2:17
function* g(a = yield) {}
