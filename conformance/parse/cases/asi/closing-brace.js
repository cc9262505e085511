// expect: ok
function f() { return 1 }
var o = { a: 1 }
