// WeakMap entries reachable only through other entries: chains (each value the next key), in one map and across
// many, cycles between maps, maps held only as another map's value, WeakSet members; all survive collections
// (under --gc-stress every allocation collects; engine/tests/vm_test.cpp forces collections on the same shapes).
const N = 1000;
function garbage() {
  let junk = [];
  for (let i = 0; i < 100; i++) junk.push({ i });
  return junk.length;
}
// One map, a chain in insertion order and one in reverse order.
const wm = new WeakMap();
const head = { name: 'head' };
let k = head;
for (let i = 0; i < N; i++) { const next = { i }; wm.set(k, next); k = next; }
const keys = [];
for (let i = 0; i < N; i++) keys.push({ r: i });
const rhead = keys[0];
for (let i = N - 1; i > 0; i--) wm.set(keys[i - 1], keys[i]);
keys.length = 0;
k = null;
garbage();
function walk(map, from) { let n = 0; for (let v = map.get(from); v !== undefined; v = map.get(v)) n++; return n; }
console.log(`one map: ${walk(wm, head)} and ${walk(wm, rhead)} links`);
// A chain across 50 maps: link i lives in map i % 50.
const maps = Array.from({ length: 50 }, () => new WeakMap());
const start = {};
k = start;
for (let i = 0; i < N; i++) { const next = { i }; maps[i % 50].set(k, next); k = next; }
k = null;
garbage();
let n = 0;
for (let v = start; (v = maps[n % 50].get(v)) !== undefined;) n++;
console.log(`across maps: ${n} links`);
// Maps reachable only as another map's value, keyed by one live key, 200 deep.
const key = {};
const outer = new WeakMap();
let m = outer;
for (let i = 0; i < 200; i++) { const inner = new WeakMap(); m.set(key, inner); m = inner; }
m.set(key, 'bottom');
m = null;
garbage();
let depth = 0, cur = outer;
while (cur instanceof WeakMap) { cur = cur.get(key); depth++; }
console.log(`nested maps: ${depth} deep, bottom ${cur}`);
// Two maps whose entries point at each other's keys, in a cycle; and a WeakSet of chain members.
const a = new WeakMap(), b = new WeakMap();
const ka = { n: 'a' }, kb = { n: 'b' };
a.set(ka, kb);
b.set(kb, ka);
const ws = new WeakSet([head, start]);
garbage();
console.log(`cycle: ${a.get(ka) === kb && b.get(a.get(ka)) === ka}; weakset: ${ws.has(head) && ws.has(start)}`);
// A key reachable only through a value of its own map.
const selfMap = new WeakMap();
const root = {};
selfMap.set(root, { child: { tag: 'c' } });
selfMap.set(selfMap.get(root).child, { tag: 'grandchild' });
garbage();
console.log(`through own value: ${selfMap.get(selfMap.get(root).child).tag}`);
