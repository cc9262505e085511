// A var captured by a closure starts out undefined (not uninitialized) before its declaration runs.
function f() { var z; return () => z; }
console.log(String(f()()));
function g() { const read = () => typeof w + ' ' + String(w); const before = read(); var w = 1; return before + ' / ' + read(); }
console.log(g());
function h() { if (false) { var never; } return (() => String(never))(); }
console.log(h());
