// expect: ok
function f(a, a) {}
