// Function declarations vs expressions, named function expression scope, IIFEs.
const fe = function named() { return typeof named; };
console.log(`named function expression sees itself: ${fe()} outside: ${typeof named}`);
const rebind = function self() { self = 5; return typeof self; };
console.log(`binding is immutable (sloppy, silent): ${rebind()}`);
console.log(`iife: ${(function () { return 'run'; })()} ${(() => 'arrow')()}`);
console.log(`${(function () { return typeof inner; function inner() {} })()}`);
if (true) { function inBlock() { return 'block'; } }
console.log(`annex B block function visible after block: ${typeof inBlock}`);
const fns = { a() { return 'a'; }, b: function () { return 'b'; } };
console.log(`${fns.a()}${fns.b()}`);
console.log(`arrow has no prototype: ${(() => 1).prototype === undefined}, function has: ${typeof function () {}.prototype}`);
try { new (() => 1)(); } catch (e) { console.log(`new on arrow: ${e.name}`); }
try { new ({ m() {} }).m(); } catch (e) { console.log(`new on method: ${e.name}`); }
const F = new Function('a', 'b', 'return a * b;');
console.log(`new Function: ${F(6, 7)} ${F.name}`);
