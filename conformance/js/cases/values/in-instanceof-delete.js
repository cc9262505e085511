// in, instanceof (with Symbol.hasInstance elsewhere), delete and void.
const o = { a: 1, b: undefined };
console.log(`${'a' in o} ${'b' in o} ${'c' in o} ${'toString' in o} ${0 in [5]} ${1 in [5]} ${'length' in []}`);
try { 'x' in 5; } catch (e) { console.log(`in on a primitive: ${e.name}`); }
class A {}
class B extends A {}
const b = new B();
console.log(`${b instanceof B} ${b instanceof A} ${b instanceof Object} ${Object.create(null) instanceof Object}`);
console.log(`${[] instanceof Array} ${(() => 1) instanceof Function} ${5 instanceof Number}`);
try { ({}) instanceof 5; } catch (e) { console.log(`instanceof non-callable: ${e.name}`); }
console.log(`delete a: ${delete o.a} now ${'a' in o}`);
console.log(`delete missing: ${delete o.zzz}`);
const frozen = Object.freeze({ k: 1 });
console.log(`delete frozen (sloppy): ${delete frozen.k} still ${frozen.k}`);
const arr = [1, 2, 3];
delete arr[1];
console.log(`array after delete: length ${arr.length}, 1 in arr: ${1 in arr}, join: ${arr.join('-')}`);
console.log(`void: ${void 0} ${void 'x'}`);
console.log(`comma: ${(1, 2, 3)}`);
console.log(`conditional: ${true ? 'yes' : 'no'} ${0 ? 'yes' : null ?? 'fallback'}`);
