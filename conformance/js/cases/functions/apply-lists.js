// Function.prototype.apply on arrays and arguments objects: holes, inherited elements, getters, mapped arguments.
function f() { return Array.prototype.join.call(arguments, ','); }
console.log(f.apply(null, [1, 2, 3]), f.apply(null, [1, , 3]), f.apply(null, {length: 2, 0: 'a', 1: 'b'}));
Array.prototype[1] = 'P'; console.log(f.apply(null, [1, , 3])); delete Array.prototype[1];
function g() { return f.apply(this, arguments); } console.log(g(4, 5), g());
var a = [1,2,3]; a.length = 2; console.log(f.apply(null, a));
var b = [1,2]; Object.defineProperty(b, 0, {get(){ return 'G'; }}); console.log(f.apply(null, b));
function h(x) { x = 9; return f.apply(null, arguments); } console.log(h(1, 2));
