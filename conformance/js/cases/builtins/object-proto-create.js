// Object.create, getPrototypeOf/setPrototypeOf, getOwnPropertyNames/Symbols, Reflect basics.
const proto = { greet() { return `hi from ${this.name}`; } };
const o = Object.create(proto, { name: { value: 'created', enumerable: true } });
console.log(`${o.greet()} ${Object.getPrototypeOf(o) === proto} ${proto.isPrototypeOf(o)}`);
const bare = Object.create(null);
bare.k = 'v';
console.log(`null prototype: ${Object.getPrototypeOf(bare)} ${'toString' in bare} ${Object.keys(bare).join(',')}`);
const changed = Object.setPrototypeOf({ name: 'changed' }, proto);
console.log(changed.greet());
try { Object.setPrototypeOf(proto, changed); } catch (e) { console.log(`cycle: ${e.name}`); }
const sym = Symbol('s');
const mixed = { b: 1, a: 2, [sym]: 3 };
Object.defineProperty(mixed, 'hidden', { value: 4 });
console.log(`getOwnPropertyNames: ${Object.getOwnPropertyNames(mixed).join(',')}`);
console.log(`getOwnPropertySymbols: ${Object.getOwnPropertySymbols(mixed).map(String).join(',')}`);
console.log(`array own names: ${Object.getOwnPropertyNames(['x']).join(',')}`);
console.log(`Reflect.ownKeys: ${Reflect.ownKeys(mixed).map(String).join(',')}`);
console.log(`Reflect.has/get/set: ${Reflect.has(o, 'greet')} ${Reflect.get(o, 'name')} ${Reflect.set(o, 'name', 'x')}`);
console.log(`getPrototypeOf primitives: ${Object.getPrototypeOf(1) === Number.prototype} ${Object.getPrototypeOf('') === String.prototype}`);
console.log(`prototype chain end: ${Object.getPrototypeOf(Object.prototype)}`);
console.log(`__proto__ accessor: ${o.__proto__ === proto} ${bare.__proto__}`);
console.log(`toString tags: ${[{}, [], null, undefined, 1, 'a', true, () => 1, new Date(0), /r/, Math, JSON].map((v) => Object.prototype.toString.call(v)).join(' ')}`);
const tagged = { [Symbol.toStringTag]: 'Custom' };
console.log(`custom tag: ${String(tagged)}`);
console.log(`Object(): ${typeof Object(1)} ${Object(null) instanceof Object} ${Object('s') instanceof String}`);
console.log(`valueOf: ${({}).valueOf() !== null} is: ${Object.is(NaN, 0 / 0)}`);
