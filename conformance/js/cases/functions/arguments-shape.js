// The arguments object's own properties, attributes, prototype and class, however it was made and changed.
function f(a,b){ return [arguments.length, Object.getOwnPropertyNames(arguments).join(), Object.prototype.toString.call(arguments), JSON.stringify(Object.getOwnPropertyDescriptor(arguments,'length')), arguments.callee===f, [...arguments].join(), Object.getPrototypeOf(arguments)===Object.prototype, Array.prototype.slice.call(arguments).join()]; }
console.log(String(f(1,2,3).join(' | ')));
function g(){ 'use strict'; try { arguments.callee } catch(e) { return e.constructor.name + ' ' + Object.keys(arguments) + ' ' + arguments.length; } }
console.log(String(g(5,6)));
function h(a){ a = 9; arguments.length = 7; delete arguments[0]; return [arguments.length, arguments[0], Object.keys(arguments)].join(); }
console.log(String(h(1,2)));
function k(){ return arguments; } var A = k(1,undefined,3); A.x = 1; console.log(String(Object.keys(A).join(), JSON.stringify(A)));
function many() { return arguments; }
const shapesSeen = [many(), many(1), many(1, 2, 3)].map((a) => Object.getOwnPropertyNames(a).join() + '/' + String(Object.getOwnPropertySymbols(a).length));
console.log(shapesSeen.join(' '));
const a1 = many(1, 2), a2 = many(3);
a1.extra = 1; delete a2.length;
console.log(`${Object.keys(a1)} ${Object.getOwnPropertyNames(a2)} ${a2.length} ${many(4, 5).length}`);
