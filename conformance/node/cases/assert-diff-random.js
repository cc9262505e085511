// assert: the line diffs of generated messages for random pairs of nested values (arrays up to 90 lines; runs of unchanged lines, "Lines skipped", trailing commas). allocation-heavy: 0.3 s, over 300 s under --gc-stress.
const assert = require('assert');
let seed = Number(7);
function rnd(n) { seed = (seed + 0x6D2B79F5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return (((t ^ (t >>> 14)) >>> 0) % n); }
function value(depth) {
  const k = rnd(depth > 3 ? 4 : 8);
  switch (k) {
    case 0: return rnd(5);
    case 1: return ['a', 'bb', 'ccc', 'a longer string here'][rnd(4)];
    case 2: return rnd(2) === 0 ? null : undefined;
    case 3: return rnd(2) === 0;
    case 4: case 5: { const a = []; const n = rnd(depth === 0 ? 90 : 12); for (let i = 0; i < n; i++) a.push(value(depth + 1)); return a; }
    default: { const o = {}; const n = rnd(10); for (let i = 0; i < n; i++) o['k' + rnd(12)] = value(depth + 1); return o; }
  }
}
function mutate(v, depth) {
  if (rnd(4) === 0 || v === null || typeof v !== 'object') return rnd(3) === 0 ? v : value(depth);
  const c = Array.isArray(v) ? v.slice() : { ...v };
  const keys = Object.keys(c);
  for (let j = 0; j < 1 + rnd(3); j++) {
    if (keys.length === 0) break;
    const key = keys[rnd(keys.length)];
    c[key] = mutate(c[key], depth + 1);
  }
  if (rnd(5) === 0) { if (Array.isArray(c)) c.push(value(3)); else c['n' + rnd(5)] = value(3); }
  return c;
}
for (let n = 0; n < 40; n++) {
  const a = value(0);
  const b = rnd(3) === 0 ? value(0) : mutate(a, 0);
  for (const op of ['deepStrictEqual', 'strictEqual', 'notDeepStrictEqual', 'deepEqual', 'notStrictEqual']) {
    try { assert[op](a, b); } catch (e) { console.log(op + '\n' + e.message + '\n=='); }
  }
}
