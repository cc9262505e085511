// Optional chaining: short-circuiting, calls, computed access, with delete.
const o = { a: { b: { c: 'deep' } }, fn() { return this === o; }, arr: [10, 20] };
const none = null;
console.log(`${o?.a?.b?.c} ${none?.a} ${none?.a.b.c.d} ${o.missing?.x}`);
console.log(`${o.fn?.()} ${o.nofn?.()} ${none?.fn()} ${o.arr?.[1]} ${none?.[0]}`);
let evaluated = false;
none?.[(evaluated = true)];
console.log(`short-circuits side effects: ${evaluated}`);
console.log(`with parens no short-circuit across: ${(() => { try { return (none?.a).b; } catch (e) { return e.name; } })()}`);
try { o.notAFunction?.x(); } catch (e) { console.log(`call on undefined after chain: ${e.name}`); }
try { o.a?.b(); } catch (e) { console.log(`not a function: ${e.name}`); }
console.log(`delete: ${delete o?.a.b} ${o.a.b} ${delete none?.x}`);
const zero = 0, empty = '';
console.log(`falsy but not nullish: ${zero?.toString()} ${JSON.stringify(empty?.length)}`);
console.log(`undefined result: ${o.a.b?.c?.d?.e}`);
const fnNull = null;
console.log(`fn?.(): ${fnNull?.()}`);
