// for-in: key order (integer keys ascending, then insertion order), inherited keys,
// shadowing, non-enumerables, deletion during iteration.
const proto = { inherited: 1, shadowed: 'proto' };
const obj = Object.create(proto);
obj.b = 1; obj[2] = 1; obj.a = 1; obj[1] = 1; obj.shadowed = 'own';
Object.defineProperty(obj, 'hidden', { value: 1, enumerable: false });
obj[Symbol('s')] = 1;
const keys = [];
for (const k in obj) keys.push(k);
console.log(keys.join(','));
const arr = ['x', 'y'];
arr.extra = true;
const arrKeys = [];
for (const i in arr) arrKeys.push(`${i}:${typeof i}`);
console.log(arrKeys.join(','));
const del = { p: 1, q: 2, r: 3 };
const seen = [];
for (const k in del) { seen.push(k); if (k === 'p') delete del.q; }
console.log(`deleted before visit is skipped: ${seen.join(',')}`);
let nothing = 0;
for (const k in null) nothing++;
for (const k in undefined) nothing++;
console.log(`null/undefined: ${nothing} iterations`);
const strKeys = [];
for (const k in 'ab') strKeys.push(k);
console.log(`string: ${strKeys.join(',')}`);
let target = {};
for (target.last in { m: 1, n: 2 });
console.log(`member as target: ${target.last}`);
var declared;
for (declared in { only: 1 });
console.log(`var target: ${declared}`);
