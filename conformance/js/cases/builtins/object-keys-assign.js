// Object.keys/values/entries/fromEntries/assign and hasOwn.
const src = { b: 2, a: 1, 1: 'one', [Symbol('s')]: 'sym' };
Object.defineProperty(src, 'hidden', { value: 'h', enumerable: false });
console.log(`keys: ${Object.keys(src).join(',')}`);
console.log(`values: ${Object.values(src).join(',')}`);
console.log(`entries: ${JSON.stringify(Object.entries(src))}`);
console.log(`fromEntries: ${JSON.stringify(Object.fromEntries([['x', 1], ['y', 2]]))} ${JSON.stringify(Object.fromEntries(new Map([['m', true]])))}`);
const target = { a: 'old' };
const result = Object.assign(target, { a: 'new', b: 'b' }, null, undefined, 'xy', { c: 'c' });
console.log(`assign: ${result === target} ${JSON.stringify(target)}`);
const withGetter = { get g() { return 'getter evaluated'; } };
console.log(`assign reads getters: ${Object.getOwnPropertyDescriptor(Object.assign({}, withGetter), 'g').value}`);
const setterTarget = { set s(v) { this.seen = v; } };
Object.assign(setterTarget, { s: 'through setter' });
console.log(`assign calls setters: ${setterTarget.seen}`);
console.log(`hasOwn: ${Object.hasOwn(src, 'a')} ${Object.hasOwn(src, 'toString')} ${src.hasOwnProperty('hidden')}`);
console.log(`keys of string: ${Object.keys('abc').join(',')} of array: ${Object.keys([7, , 9]).join(',')}`);
try { Object.keys(null); } catch (e) { console.log(`keys(null): ${e.name}`); }
console.log(`entries of array: ${JSON.stringify(Object.entries(['p', 'q']))}`);
console.log(`propertyIsEnumerable: ${src.propertyIsEnumerable('a')} ${src.propertyIsEnumerable('hidden')}`);
