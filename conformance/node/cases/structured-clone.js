// structuredClone: cycles, built-in types, errors, class instances, and the DataCloneError for what cannot be cloned
const o = { a: 1, b: [1, 2, { c: 'x' }], d: new Date(0), r: /ab+c/gi, m: new Map([[1, { z: 2 }]]), s: new Set([1, 'a']), n: null, u: undefined, big: 10n, neg0: -0, nan: NaN };
o.self = o;
const c = structuredClone(o);
console.log(c, c.self === c, c !== o, c.b !== o.b);
const e = structuredClone(new RangeError('bad', { cause: 'x' }));
console.log(e instanceof RangeError, e.message, e.name, e.cause);
for (const bad of [() => {}, Symbol('s'), { f() {} }, new WeakMap()]) {
  try { structuredClone(bad); console.log('no throw'); } catch (err) { console.log(err.name, err.message, err.code); }
}
try { structuredClone(); } catch (err) { console.log(err.name, err.message, err.code); }
console.log(structuredClone(new Boolean(false)), structuredClone(new String('s')), structuredClone(Object(1n)));
class K { constructor() { this.x = 1; } }
console.log(structuredClone(new K()));
const arr = [1, , 3]; arr.extra = 'e';
console.log(structuredClone(arr));
