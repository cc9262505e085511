// expect: ok
function f() { return /a/g; }
