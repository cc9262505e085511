// Destructuring in parameters, catch clauses and loop heads.
function point({ x = 0, y = 0 } = {}) { return `(${x},${y})`; }
console.log(`${point()} ${point({ x: 5 })} ${point({ y: 7, x: 1 })}`);
function first([head, ...tail]) { return `${head}|${tail.join('')}`; }
console.log(first('abc'));
const swap = ([a, b]) => [b, a];
console.log(swap([1, 2]).join(' '));
function opts({ name, tags: [firstTag = 'none'] = [] }) { return `${name}:${firstTag}`; }
console.log(`${opts({ name: 'n' })} ${opts({ name: 'm', tags: ['t1', 't2'] })}`);
try { point(null); } catch (e) { console.log(`null argument: ${e.name}`); }
for (const [k, v] of Object.entries({ one: 1, two: 2 })) console.log(`${k}=${v}`);
for (const { id, label = '?' } of [{ id: 1, label: 'x' }, { id: 2 }]) console.log(`${id}:${label}`);
try { throw { code: 42, detail: { why: 'because' } }; } catch ({ code, detail: { why } }) { console.log(`catch pattern: ${code} ${why}`); }
const fn = function ({ a }, [b], ...[c, d]) { return `${a}${b}${c}${d}`; };
console.log(`${fn({ a: 1 }, [2], 3, 4)} length=${fn.length}`);
