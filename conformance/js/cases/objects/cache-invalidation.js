// Inline and megamorphic (stub) caches: every way a cached get, set or define can go stale.
const log = (...a) => console.log(a.map(String).join(' '));

// Objects of n shapes, each with a, b; the same sites read and write them.
function shapes(n, proto) {
  const objs = [];
  for (let k = 0; k < n; k++) {
    const o = proto ? Object.create(proto) : {};
    for (let p = 0; p < k % 5; p++) o['p' + p] = p;
    o['q' + k] = k;
    o.a = k;
    objs.push(o);
  }
  return objs;
}
function readA(o) { return o.a; }
function readM(o) { return o.m; }
function writeA(o, v) { o.a = v; }
function addZ(o, v) { o.z = v; }
function lit(v, w) { return { v, w }; }

// 1. A megamorphic read of own properties (6, 8, 16, 50 shapes).
for (const n of [6, 8, 16, 50]) {
  const objs = shapes(n);
  let s = 0;
  for (let r = 0; r < 3; r++) for (const o of objs) s += readA(o);
  log('own read', n, s);
}

// 2. A read that finds its property on the prototype, then the prototype changes.
const P = { m: 1 };
const viaProto = shapes(12, P);
const sumM = () => viaProto.reduce((s, o) => s + readM(o), 0);
log('proto read', sumM());
P.m = 2;                                   // value changed
log('after value change', sumM());
P.extra = 0;                               // the prototype's shape changed
P.m = 3;
log('after proto add', sumM());
delete P.m;                                // removed: now undefined
log('after proto delete', viaProto.map(readM).every((v) => v === undefined));
P.m = 4;                                   // added back
log('after re-add', sumM());
Object.defineProperty(P, 'm', { get() { return 5; }, configurable: true });  // a getter replaces it
log('after getter', sumM());
Object.defineProperty(P, 'm', { value: 6, writable: false, configurable: true });
log('after non-writable', sumM());
viaProto[3].m = 100;                       // shadowing on one object
log('after shadow', sumM());

// 3. A cached add (o.z = v) when a prototype later gains a setter, a
//    non-writable property, or loses them again.
const Q = {};
const fresh = (n) => shapes(n, Q);
let seen = [];
for (const o of fresh(10)) addZ(o, 1);
Object.defineProperty(Q, 'z', { set(v) { seen.push(v); }, configurable: true });
let objs = fresh(10);
for (const o of objs) addZ(o, 2);
log('setter on proto', seen.length, objs.filter((o) => Object.hasOwn(o, 'z')).length);
delete Q.z;
objs = fresh(10);
for (const o of objs) addZ(o, 3);
log('setter removed', objs.every((o) => o.z === 3 && Object.hasOwn(o, 'z')));
Object.defineProperty(Q, 'z', { value: 'ro', writable: false, configurable: true });
objs = fresh(10);
for (const o of objs) addZ(o, 4);
log('read-only on proto', objs.every((o) => o.z === 'ro' && !Object.hasOwn(o, 'z')));
let threw = 0;
for (const o of objs) { try { (function () { 'use strict'; o.z = 5; })(); } catch (e) { threw += e instanceof TypeError; } }
log('strict write to read-only', threw);
delete Q.z;

// 4. A setter two levels up the chain, added after the site was cached.
const G = {};
const M = Object.create(G);
for (const o of shapes(10, M)) addZ(o, 1);
let deep = 0;
Object.defineProperty(G, 'z', { set() { deep++; }, configurable: true });
for (const o of shapes(10, M)) addZ(o, 1);
log('deep setter', deep);

// 5. The prototype itself replaced (Object.setPrototypeOf) under a megamorphic read.
const R1 = { m: 'r1' }, R2 = { m: 'r2' };
const swapped = shapes(10, R1);
log('before swap', swapped.map(readM).join(''));
Object.setPrototypeOf(swapped[0], R2);
Object.setPrototypeOf(R1, { m: 'never' });
log('after swap', swapped.map(readM).join(''));

// 6. Writes: own writable, then frozen, then non-writable by defineProperty.
const ws = shapes(10);
for (const o of ws) writeA(o, 7);
Object.freeze(ws[2]);
Object.defineProperty(ws[5], 'a', { writable: false });
for (const o of ws) writeA(o, 8);
log('writes', ws.map((o) => o.a).join(','));

// 7. Dictionary-mode objects (after a delete) at a megamorphic site.
const ds = shapes(10);
for (const o of ds) readA(o);
for (const o of ds) { delete o['q' + o.a]; }
for (const o of ds) writeA(o, o.a + 1);
log('dictionary', ds.map(readA).join(','));

// 8. Getters and setters on the objects themselves at megamorphic sites.
const acc = shapes(8);
let sets = 0;
Object.defineProperty(acc[1], 'a', { get() { return 'g'; }, set() { sets++; } });
for (const o of acc) writeA(o, 1);
log('accessors', acc.map(readA).join(','), sets);

// 9. Non-extensible objects: a cached add must not apply.
const ne = shapes(10);
for (const o of ne) addZ(o, 1);
const ne2 = shapes(10);
Object.preventExtensions(ne2[4]);
for (const o of ne2) addZ(o, 2);
log('non-extensible', ne2.map((o) => String(o.z)).join(','));

// 10. Object literals built from many shapes at one define site.
const built = [];
for (let k = 0; k < 10; k++) {
  const base = shapes(k + 1)[k];
  built.push(Object.assign(base, lit(k, -k)));
}
log('literals', built.map((o) => o.v + ':' + o.w).join(','), JSON.stringify(lit(1, 2)));

// 11. Many shapes with garbage collected in between (entries for dead shapes dropped).
let total = 0;
for (let round = 0; round < 20; round++) {
  const tmp = shapes(20);
  for (const o of tmp) { writeA(o, round); total += readA(o); }
}
log('churn', total);
