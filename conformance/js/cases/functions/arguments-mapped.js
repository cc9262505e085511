// Mapped arguments: in sloppy functions with simple parameters arguments[i] and the parameter are one variable; strict and non-simple ones are unmapped copies.
function f(a, b) { arguments[0] = 'changed'; b = 'b2'; return [a, arguments[1], arguments.length].join(); }
console.log(f(1, 2), f(1));
function strict(a) { 'use strict'; arguments[0] = 9; a = 3; return `${a} ${arguments[0]}`; }
console.log(strict(1));
function withDefault(a, b = 2) { arguments[0] = 'x'; return String(a); }
console.log(withDefault(1));
function deleted(a) { delete arguments[0]; arguments[0] = 'x'; return String(a); }
console.log(deleted(1));
function readOnly(a) { Object.defineProperty(arguments, 0, { writable: false }); a = 5; return String(arguments[0]); }
console.log(readOnly(1));
function outlives(a) { const get = () => arguments[0]; const set = (v) => { a = v; }; return [get, set]; }
const [get, set] = outlives('first');
set('later');
console.log(get());
function duplicate(a, a) { arguments[1] = 'second'; arguments[0] = 'first'; return a; }
console.log(duplicate(1, 2));
function spread(x, y) { x = 10; return `${[...arguments].join()} ${Array.prototype.slice.call(arguments).join()} ${Math.max.apply(null, arguments)}`; }
console.log(spread(1, 2));
function callee() { return arguments.callee === callee; }
console.log(String(callee()));
function strictCallee() { 'use strict'; try { return arguments.callee; } catch (e) { return e.name; } }
console.log(strictCallee());
function tag(a) { return Object.prototype.toString.call(arguments) + ' ' + Object.keys(arguments).join(); }
console.log(tag(1, 2));
function paramTdz(a = b, b) { return 'no error'; }
try { paramTdz(undefined, 1); } catch (e) { console.log(`default reads a later parameter: ${e.name}`); }
const named = { ['comp' + 'uted']() {}, [Symbol('sym')]: function () {}, get ['g' + 'et']() { return 1; } };
console.log(Object.getOwnPropertyNames(named).concat(Object.getOwnPropertySymbols(named).map(String)).map((k) => {
  const d = Object.getOwnPropertyDescriptor(named, k) || Object.getOwnPropertyDescriptor(named, Object.getOwnPropertySymbols(named)[0]);
  return (d.get || d.value).name;
}).join('|'));
