// node-deviates: node 20 throws RangeError (Maximum call stack size exceeded) here: its stringify and its reviver walk recurse natively (about 4,000 and 2,700 levels); glass's are bounded by memory. Every line compares glass's result with one built without JSON.
// gc-stress-skip: a million nested containers is a million allocations; json-nested.js covers the same code under stress.
// JSON.stringify, a reviver and toJSON on 1,000,000-deep arrays and objects.
const N = 1000000;
let arrays = [];
for (let i = 1; i < N; i++) arrays = [arrays];
const a = JSON.stringify(arrays);
console.log(`arrays: ${a.length === 2 * N && a === '['.repeat(N) + ']'.repeat(N)}`);
let objects = { end: true };
for (let i = 0; i < N; i++) objects = { a: objects };
console.log(`objects: ${JSON.stringify(objects) === '{"a":'.repeat(N) + '{"end":true}' + '}'.repeat(N)}`);
// A cycle at the bottom of a deep chain is still found (200,000 deep: far past any native stack).
const M = 200000;
let deep = {}, bottom = deep;
for (let i = 0; i < M; i++) bottom = bottom.next = {};
bottom.next = deep;
try { JSON.stringify(deep); console.log('no cycle found'); } catch (e) { console.log(`cycle: ${e.name}`); }
// toJSON at every level: each level becomes [ its depth ].
let t = null;
for (let i = M; i > 0; i--) { const inner = t, d = i; t = { toJSON() { return inner === null ? d : [d, inner]; } }; }
const tj = JSON.stringify(t);
console.log(`toJSON: ${tj.length} ${tj.slice(0, 12)} ${tj.slice(-12)}`);
// A reviver sees every level, innermost first, and can replace each.
let calls = 0, firstKey = null;
const revived = JSON.parse('['.repeat(N) + '1' + ']'.repeat(N), (k, v) => {
  if (calls++ === 0) firstKey = k;
  return Array.isArray(v) ? { wrapped: v[0] } : v + 1;
});
let r = revived, levels = 0;
while (typeof r === 'object') { r = r.wrapped; levels++; }
console.log(`reviver: ${calls} calls, first key ${JSON.stringify(firstKey)}, ${levels} levels, innermost ${r}`);
// Indented (the text grows with the square of the depth, so less deep).
let some = [];
for (let i = 1; i < 3000; i++) some = [some];
const ind = JSON.stringify(some, null, 1);
const lines = [];
for (let i = 0; i < 2999; i++) lines.push(' '.repeat(i) + '[');
lines.push(' '.repeat(2999) + '[]');
for (let i = 2998; i >= 0; i--) lines.push(' '.repeat(i) + ']');
console.log(`indented: ${ind === lines.join('\n')}`);
