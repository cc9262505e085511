// expect: ok
function f(a, b = a, ...c) {}
var g = (x = 1, { y } = {}, ...[z]) => x;
