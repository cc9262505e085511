// sort: default string order, comparators, stability, undefined and holes last.
console.log(`default: ${[10, 9, 1, 100, 25].sort().join(',')}`);
console.log(`numeric: ${[10, 9, 1, 100, 25].sort((a, b) => a - b).join(',')}`);
console.log(`descending: ${[3, 1, 2].sort((a, b) => b - a).join(',')}`);
console.log(`strings: ${['banana', 'Apple', 'cherry', 'apple'].sort().join(',')}`);
const withUndef = [3, undefined, 1, , 2];
withUndef.sort();
console.log(`undefined and holes last: ${JSON.stringify(withUndef)} length=${withUndef.length} ${4 in withUndef}`);
const records = [];
for (let i = 0; i < 40; i++) records.push({ key: i % 4, id: i });
records.sort((a, b) => a.key - b.key);
let stable = true;
for (let i = 1; i < records.length; i++) {
  if (records[i].key === records[i - 1].key && records[i].id < records[i - 1].id) stable = false;
}
console.log(`stable: ${stable} first ids: ${records.slice(0, 12).map((r) => r.id).join(',')}`);
const byName = [{ n: 'b', v: 1 }, { n: 'a', v: 2 }, { n: 'b', v: 3 }, { n: 'a', v: 4 }];
console.log(`stable by name: ${byName.sort((x, y) => (x.n < y.n ? -1 : x.n > y.n ? 1 : 0)).map((o) => `${o.n}${o.v}`).join(' ')}`);
const arr = [3, 2, 1];
console.log(`sort returns the array: ${arr.sort() === arr}`);
console.log(`bool comparator result coerced: ${[3, 1, 2].sort((a, b) => (a > b ? 1 : -1)).join('')}`);
console.log(`unicode: ${['é', 'e', 'z', 'E', '\u{1F600}', '\uFFFF'].sort().map((s) => s.codePointAt(0).toString(16)).join(',')}`);
try { [1, 2].sort('not a function'); } catch (e) { console.log(`bad comparator: ${e.name}`); }
const big = [];
for (let i = 0; i < 500; i++) big.push((i * 7919) % 500);
big.sort((a, b) => a - b);
console.log(`500 sorted: ${big.every((v, i) => v === i)}`);
