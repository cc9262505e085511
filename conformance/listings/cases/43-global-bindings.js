// In a script, top-level var and function become properties of the global object; let/const live in the global lexical scope.
var v = 1;
let l = 2;
function f() { return v + l; }
console.log(f());
