// How `this` is bound: method calls, plain calls (sloppy and strict), call/apply/bind, new, arrows.
function sloppyThis() { return this === globalThis ? 'global' : typeof this; }
function strictThis() { 'use strict'; return this === undefined ? 'undefined' : typeof this; }
console.log(`plain sloppy: ${sloppyThis()}, plain strict: ${strictThis()}`);
console.log(`call with 5: ${sloppyThis.call(5)} (boxed) vs strict ${strictThis.call(5)}`);
console.log(`call with null: ${sloppyThis.call(null)} vs strict ${String(function () { 'use strict'; return this; }.call(null))}`);
const obj = {
  name: 'obj',
  method() { return this.name; },
  arrow: () => typeof this,
  nested() { return [1].map(() => this.name)[0]; },
  nestedFn() { return [1].map(function () { return this === globalThis; })[0]; },
};
console.log(`method: ${obj.method()}, nested arrow: ${obj.nested()}, nested function sees global: ${obj.nestedFn()}`);
const extracted = obj.method;
console.log(`extracted method: ${extracted.call({ name: 'other' })}`);
const bound = obj.method.bind({ name: 'bound' });
console.log(`bound: ${bound()} rebinding ignored: ${bound.call({ name: 'x' })} ${bound.bind({ name: 'y' })()}`);
function Point(x) { this.x = x; }
const p = new Point(3);
console.log(`new: ${p.x} ${p instanceof Point}`);
function ReturnsObject() { this.a = 1; return { b: 2 }; }
function ReturnsPrimitive() { this.a = 1; return 5; }
console.log(`ctor returning object: ${new ReturnsObject().b}, primitive ignored: ${new ReturnsPrimitive().a}`);
const BoundPoint = Point.bind(null, 9);
console.log(`new on bound function: ${new BoundPoint().x} ${new BoundPoint() instanceof Point}`);
console.log(`optional call keeps this: ${obj?.method()} ${obj.method?.()}`);
console.log(`parenthesised keeps this: ${(obj.method)()}`);
console.log(`comma loses this: ${(0, obj.method)() === undefined}`);
