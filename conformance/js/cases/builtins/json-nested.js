// JSON.parse, a reviver, toJSON, a replacer and JSON.stringify on 2,000-deep nesting (small enough for node's own stack and for --gc-stress).
const N = 1000;  // an array and an object per level
const text = '[{"k":"v","n":'.repeat(N) + '[1,"s",null,true]' + '}]'.repeat(N);
const parsed = JSON.parse(text);
let p = parsed, levels = 0;
while (Array.isArray(p) && typeof p[0] === "object") { levels++; p = p[0].n; }
console.log(`parsed ${levels} levels, innermost ${JSON.stringify(p)}`);
console.log(`round trip: ${JSON.stringify(parsed) === text}`);
const indented = JSON.stringify(JSON.parse('[[[[{"a":[1,{"b":2}]}]]]]'), null, 2);
console.log(indented);
const seen = [];
const revived = JSON.parse(text, function (k, v) {
  if (seen.length < 6) seen.push(k);
  if (k === 'k') return undefined;
  if (typeof v === 'string') return v.toUpperCase();
  return v;
});
console.log(`reviver keys: ${seen.join(',')}; ${JSON.stringify(revived).slice(0, 40)}`);
let chain = { leaf: 1 };
for (let i = 0; i < N; i++) chain = { depth: i, next: chain, toJSON(key) { return { key, d: this.depth, next: this.next }; } };
const out = JSON.stringify(chain, (k, v) => (k === 'd' ? v * 2 : v));
console.log(`${out.length} ${out.slice(0, 60)} ... ${out.slice(-30)}`);
const cyc = [[[[]]]];
cyc[0][0][0].push(cyc);
try { JSON.stringify(cyc); } catch (e) { console.log(`${e.name}: ${e.message.split('\n')[0]}`); }
