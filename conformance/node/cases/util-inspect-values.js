// util.inspect as Node 20 prints values: keys, holes, strings and their quotes and escapes, symbols, functions by kind, classes, proxies, promises, weak collections, arguments, iterators, Math/JSON tags, custom inspect, dates, regexps, boxed primitives, null prototypes, circular references, depth, grouping, getters, numeric separators.
const util = require('util');
const log = (v, o) => console.log(util.inspect(v, o));
log({ '1': 'a', b: 2, 'c-d': 3, $e: 4, _f: 5 });
log([1, , 3, , , 6]);
log(new Array(5));
log([undefined, null, -0, 0n, NaN]);
log('x'.repeat(5) + '\x01\x7f\n\t\'"');
log("it's");
log(`it's "q"`);
log(`it's "q" \``);
log(Symbol('s'));
log({ [Symbol('a')]: 1, [Symbol.iterator]: 2 });
async function af() {}
function* gf() {}
async function* agf() {}
class A {}
class B extends A {}
log([af, gf, agf, A, B, () => {}, function named() {}, class {}]);
log(Object.assign(() => {}, { x: 1 }));
log(new Proxy({ a: 1 }, {}));
log(new Proxy({ a: 1 }, {}), { showProxy: true });
log(Promise.resolve(4));
log(Promise.reject(new Error('r')).catch(() => {}) && new Promise(() => {}));
const rej = Promise.reject(3); rej.catch(() => {}); log(rej);
log(new WeakMap()); log(new WeakSet());
log((function () { return arguments; })(1, 'a'));
log(new Map([[1, 2], ['a', { b: 1 }]]).entries());
log(new Map([[1, 2]]).keys());
log(new Set([1, 2]).values());
log([1, 2][Symbol.iterator]());
log(Math); log(JSON); log(globalThis.Reflect);
log({ [util.inspect.custom]() { return 'CUSTOM'; } });
log({ inner: { [util.inspect.custom](d, o) { return { d, colors: o.colors }; } } });
log(new Date(0)); log(new Date(NaN));
log(/ab+c/gi);
log(new Number(3)); log(new String('ab')); log(new Boolean(false)); log(Object(Symbol('q'))); log(Object(1n));
log(Object.create(null)); log(Object.assign(Object.create(null), { a: 1 }));
class Foo { constructor() { this.x = 1; } }
log(new Foo()); log(Object.create(Foo.prototype));
const circ = { a: 1 }; circ.self = circ; circ.list = [circ]; log(circ);
log({ a: { b: { c: { d: { e: 1 } } } } }, { depth: null });
log({ a: { b: { c: { d: { e: 1 } } } } }, { depth: 0 });
log(Array.from({ length: 30 }, (_, i) => i));
log(Array.from({ length: 120 }, (_, i) => i * 3));
log(Array.from({ length: 10 }, (_, i) => 'item' + i));
log({ get a() { return 1; }, set b(v) {}, get c() { return 2; }, set c(v) {} });
log({ get a() { return { x: 1 }; } }, { getters: true });
log([new Error('inner')].length);
log({ s: 'x'.repeat(100) });
log('a\nb'.repeat(20));
log({ f: 1.5, n: -1, big: 12345678901234567890n }, { numericSeparator: true });
log(new Map([[{ a: 1 }, new Set([1])]]), { depth: 0 });
log([[[[1]]]]);
log({ a: [{ b: { c: 1 } }] });
log(Object.assign([1, 2], { extra: true }));
log(new (class extends Array {})(3));
log(Object.defineProperty({}, 'hidden', { value: 1, enumerable: false }), { showHidden: true });
log([1, 2, 3], { showHidden: true });

log({ __proto__: { inherited: 1 }, own: 2 });
log(Object.assign(Object.create({ constructor: { name: 'Fake' } }), { a: 1 }));
log([1, 2, 3].keys());
log('str', { colors: true }); log(5, { colors: true }); log({ a: [null, undefined, true, 's', Symbol()] }, { colors: true });
log(util.inspect);
log(new Set(['a'.repeat(30), 'b'.repeat(30), 'c'.repeat(30)]));
log({ a: 'b'.repeat(70) });
