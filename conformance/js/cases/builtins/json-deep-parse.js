// gc-stress-skip: a million nested containers is a million allocations; json-nested.js covers the same code under stress.
// JSON.parse of 1,000,000 nested arrays and objects (node parses them too); the result is walked in a loop.
const N = 1000000;
function depthOf(v, step) {
  let d = 0;
  while (v !== undefined && typeof v === 'object' && v !== null) { v = step(v); d++; }
  return d;
}
const arrays = JSON.parse('['.repeat(N) + ']'.repeat(N));
console.log(`arrays: depth ${depthOf(arrays, (a) => a[0])}`);
const objects = JSON.parse('{"a":'.repeat(N) + '"end"' + '}'.repeat(N));
let o = objects;
for (let i = 0; i < N; i++) o = o.a;
console.log(`objects: depth ${depthOf(objects, (x) => x.a)}, innermost ${o}`);
const mixed = JSON.parse('[{"k":'.repeat(N / 2) + '7' + '}]'.repeat(N / 2));
let m = mixed, levels = 0;
while (typeof m === 'object') { m = Array.isArray(m) ? m[0] : m.k; levels++; }
console.log(`mixed: depth ${levels}, innermost ${m}`);
// Malformed deep input is a SyntaxError, not a crash.
for (const bad of ['['.repeat(N), '['.repeat(N) + ']'.repeat(N - 1) + '}', '{"a":'.repeat(N)]) {
  try { JSON.parse(bad); console.log('accepted'); } catch (e) { console.log(`rejected: ${e.name}`); }
}
