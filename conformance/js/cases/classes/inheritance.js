// extends, super calls, super property access, method overriding, extending builtins and null.
class Animal {
  constructor(name) { this.name = name; }
  speak() { return `${this.name} makes a sound`; }
  get kind() { return 'animal'; }
  static create(name) { return new this(name); }
}
class Dog extends Animal {
  constructor(name) { super(name); this.tricks = 0; }
  speak() { return `${super.speak()}, then barks`; }
  get kind() { return `dog (an ${super.kind})`; }
}
const d = new Dog('Rex');
console.log(d.speak());
console.log(d.kind);
console.log(`static inherited and uses this: ${Dog.create('Fido') instanceof Dog} ${Object.getPrototypeOf(Dog) === Animal}`);
class NoSuperCall extends Animal { constructor() { } }
try { new NoSuperCall(); } catch (e) { console.log(`missing super(): ${e.name}`); }
class ThisBeforeSuper extends Animal { constructor() { this.x = 1; super('x'); } }
try { new ThisBeforeSuper(); } catch (e) { console.log(`this before super(): ${e.name}`); }
class Twice extends Animal { constructor() { super('a'); super('b'); } }
try { new Twice(); } catch (e) { console.log(`super() twice: ${e.name}`); }
class DefaultCtor extends Animal {}
console.log(`default derived ctor forwards args: ${new DefaultCtor('forwarded').name}`);
class MyArray extends Array { sum() { return this.reduce((a, b) => a + b, 0); } }
const ma = MyArray.from([1, 2, 3]);
console.log(`extends Array: ${ma.sum()} ${ma.length} ${Array.isArray(ma)} ${ma.map((x) => x * 2) instanceof MyArray}`);
class MyError extends Error { constructor(m) { super(m); this.name = 'MyError'; } }
const me = new MyError('custom');
console.log(`extends Error: ${me instanceof Error} ${me.message} ${String(me)}`);
class FromNull extends null { constructor() { return Object.create(FromNull.prototype); } }
console.log(`extends null: ${Object.getPrototypeOf(FromNull.prototype) === null} ${new FromNull() instanceof FromNull}`);
function OldStyle(v) { this.v = v; }
OldStyle.prototype.get = function () { return this.v; };
class Modern extends OldStyle { constructor() { super('from function ctor'); } }
console.log(new Modern().get());
try { class Bad extends 5 {} } catch (e) { console.log(`extends non-constructor: ${e.name}`); }
const obj = { greet() { return 'base greet'; } };
const child = { __proto__: obj, greet() { return `child + ${super.greet()}`; } };
console.log(`super in object literal: ${child.greet()}`);
class A { who() { return 'A'; } }
class B extends A { who() { return `B>${super.who()}`; } }
class C extends B { who() { return `C>${super.who()}`; } }
console.log(new C().who());
