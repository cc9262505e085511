// Object destructuring: renaming, defaults, computed keys, rest, nested, primitives.
const { a, b: renamed, c = 'default', d: { e = 'nested default', f } = {} } = { a: 1, b: 2, d: { f: 'f' } };
console.log(`${a} ${renamed} ${c} ${e} ${f}`);
const key = 'dyn';
const { [key]: dynamic, [`${key}2`]: dynamic2 = 'computed default' } = { dyn: 'computed' };
console.log(`${dynamic} ${dynamic2}`);
const { x, ...others } = { x: 1, y: 2, z: 3 };
console.log(`rest: ${x} ${JSON.stringify(others)}`);
const { length, 0: firstChar } = 'hello';
console.log(`from string: ${length} ${firstChar}`);
const { toFixed } = 5;
console.log(`from number: ${typeof toFixed}`);
try { const { z } = null; } catch (e) { console.log(`null: ${e.name}`); }
try { const { z } = undefined; } catch (e) { console.log(`undefined: ${e.name}`); }
let g, h;
({ g, h = 'h default' } = { g: 'g' });
console.log(`assignment form: ${g} ${h}`);
const { proto } = Object.create({ proto: 'inherited' });
console.log(`reads inherited: ${proto}`);
const { ...ownOnly } = Object.create({ inherited: 1 }, { own: { value: 2, enumerable: true }, hidden: { value: 3 } });
console.log(`rest takes own enumerable only: ${JSON.stringify(ownOnly)}`);
const order = [];
const src = { get p() { order.push('p'); return 1; }, get q() { order.push('q'); return 2; } };
const { q: qq, p: pp } = src;
console.log(`getter order follows the pattern: ${order.join(',')} ${pp + qq}`);
const { u: { v } = { v: 'outer default used' } } = {};
console.log(v);
