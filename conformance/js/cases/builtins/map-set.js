// Map and Set: insertion order, SameValueZero keys (NaN, -0), object keys, deletion during iteration.
const m = new Map();
m.set('b', 1).set('a', 2).set(1, 'number one').set('1', 'string one');
m.set('b', 'updated keeps position');
console.log(`map: ${[...m].map(([k, v]) => `${typeof k}:${k}=${v}`).join(' | ')} size=${m.size}`);
m.set(NaN, 'nan');
console.log(`NaN key: ${m.get(NaN)} ${m.has(NaN)}`);
m.set(-0, 'zero');
const zeroKey = [...m.keys()].find((k) => k === 0);
console.log(`-0 normalized: ${m.get(0)} ${m.get(-0)} ${Object.is(zeroKey, -0)}`);
const objKey = {};
m.set(objKey, 'object');
console.log(`object key by identity: ${m.get(objKey)} ${m.get({})}`);
console.log(`delete: ${m.delete('a')} ${m.delete('a')} ${m.has('a')} size=${m.size}`);
const iter = new Map([[1, 'a'], [2, 'b'], [3, 'c'], [4, 'd']]);
const visited = [];
for (const [k] of iter) {
  visited.push(k);
  if (k === 1) { iter.delete(2); iter.set(5, 'e'); }
  if (k === 3) iter.delete(1);
}
console.log(`delete/add during iteration: ${visited.join(',')}`);
const cleared = new Map([[1, 1], [2, 2]]);
const it = cleared.keys();
it.next();
cleared.clear();
cleared.set(9, 9);
console.log(`clear then add during iteration: ${JSON.stringify(it.next())}`);
const fe = [];
new Map([['x', 1], ['y', 2]]).forEach((v, k, map) => fe.push(`${k}${v}${map.size}`));
console.log(`forEach: ${fe.join(' ')}`);
const s = new Set([3, 1, 3, 2, 1, NaN, NaN, 0, -0, '3']);
console.log(`set: ${[...s].map(String).join(',')} size=${s.size}`);
console.log(`has: ${s.has(NaN)} ${s.has(-0)} ${s.has('1')}`);
s.delete(3);
s.add(3);
console.log(`re-added goes to end: ${[...s].map(String).join(',')}`);
const grow = new Set([1]);
let n = 0;
for (const v of grow) { if (v < 5) grow.add(v + 1); n++; }
console.log(`add during iteration visits new items: ${n}`);
console.log(`entries of set: ${JSON.stringify([...new Set(['a']).entries()])}`);
console.log(`keys/values: ${[...m.keys()].length} ${[...s.values()].length} ${Set.prototype.keys === Set.prototype.values}`);
console.log(`tags: ${Object.prototype.toString.call(m)} ${Object.prototype.toString.call(s)}`);
try { Map(); } catch (e) { console.log(`Map without new: ${e.name}`); }
const dedup = [...new Set('mississippi')].join('');
console.log(`dedup: ${dedup}`);
const counts = new Map();
for (const w of 'the cat the dog the end'.split(' ')) counts.set(w, (counts.get(w) ?? 0) + 1);
console.log(`counts: ${JSON.stringify([...counts])}`);
console.log(`from object entries: ${new Map(Object.entries({ p: 1 })).get('p')}`);
