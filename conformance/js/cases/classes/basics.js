// Class declarations: constructor, prototype methods, non-enumerable methods, strictness, call without new.
class Point {
  constructor(x, y) { this.x = x; this.y = y; }
  norm2() { return this.x * this.x + this.y * this.y; }
  toString() { return `Point(${this.x}, ${this.y})`; }
}
const p = new Point(3, 4);
console.log(`${p} ${p.norm2()} ${p instanceof Point} ${typeof Point}`);
console.log(`method on prototype: ${Object.getPrototypeOf(p) === Point.prototype} ${p.hasOwnProperty('norm2')}`);
console.log(`methods not enumerable: ${Object.keys(Point.prototype).length} ${Object.getOwnPropertyNames(Point.prototype).join(',')}`);
try { Point(1, 2); } catch (e) { console.log(`call without new: ${e.name}`); }
class Strict { check() { try { undeclaredInClass = 1; return 'sloppy'; } catch (e) { return `strict (${e.name})`; } } }
console.log(`class body is strict: ${new Strict().check()}`);
const Expr = class Named { who() { return Named.name; } };
console.log(`class expression: ${Expr.name} ${new Expr().who()} ${typeof Named}`);
const Anon = class {};
console.log(`anonymous class gets binding name: ${Anon.name}`);
class NoCtor {}
console.log(`default constructor: ${new NoCtor() instanceof NoCtor} length=${NoCtor.length}`);
console.log(`Point.length=${Point.length} Point.name=${Point.name}`);
console.log(`prototype.constructor: ${Point.prototype.constructor === Point}`);
const desc = Object.getOwnPropertyDescriptor(Point, 'prototype');
console.log(`prototype is non-writable: ${desc.writable} ${desc.enumerable} ${desc.configurable}`);
class Computed { ['dyn' + 'amic']() { return 'computed method'; } [Symbol.iterator]() { return [1, 2][Symbol.iterator](); } }
console.log(`${new Computed().dynamic()} ${[...new Computed()].join('')}`);
