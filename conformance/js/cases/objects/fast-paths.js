// The engine's fast paths must mean what the slow paths mean: object literals
// (cached shape steps, duplicate keys, accessors), objects outgrowing their
// inline room, constructors whose instances change size, compare-and-branch,
// i++ on non-numbers, Map/Set tables that grow, delete and rebuild.
function log(...xs) { console.log(xs.map(String).join(' ')); }
function keys(o) { return JSON.stringify(Object.keys(o)) + ' ' + JSON.stringify(o); }

// Literals built at one site many times, with varying values.
const made = [];
for (let i = 0; i < 5; i++) made.push({ a: i, b: 'x' + i, c: [i] });
log(keys(made[4]), made.every((o) => Object.keys(o).join() === 'a,b,c'));

// Duplicate keys keep the first position and the last value.
const dup = { a: 1, b: 2, a: 3 };
log(keys(dup));
// A getter then a data property of the same name: the data property wins.
const acc = { get g() { return 1; }, g: 2 };
log(keys(acc), typeof Object.getOwnPropertyDescriptor(acc, 'g').get);
// A shorthand __proto__ is an ordinary property; `__proto__: v` sets the prototype.
const __proto__ = 5;
const shorthand = { __proto__ };
const withProto = { __proto__: { inherited: true }, own: 1 };
log(keys(shorthand), Object.getPrototypeOf(shorthand) === Object.prototype);
log(keys(withProto), withProto.inherited);
// The same site after a literal went to dictionary mode elsewhere.
for (let i = 0; i < 3; i++) {
  const o = { p: i, q: i * 2 };
  if (i === 1) delete o.p;
  log(keys(o));
}

// Growing far past any inline room, then deleting and re-adding.
const big = {};
for (let i = 0; i < 40; i++) big['k' + i] = i;
log(Object.keys(big).length, big.k0, big.k39);
delete big.k5;
big.k5 = 'again';
log(Object.keys(big).slice(-2).join(), big.k5, big.k6);

// Constructors whose instances differ in size from call to call.
function P(n) { for (let i = 0; i < n; i++) this['f' + i] = i; }
const ps = [new P(1), new P(9), new P(2), new P(20), new P(0)];
log(ps.map((p) => Object.keys(p).length).join(), ps[3].f19, ps[1].f8);
class Point { constructor(x, y) { this.x = x; this.y = y; } sum() { return this.x + this.y; } }
let total = 0;
for (let i = 0; i < 50; i++) total += new Point(i, 1).sum();
log(total);
function Proto() {}
Proto.prototype = { kind: 'custom' };
log(new Proto().kind);
Proto.prototype = 7;  // not an object: instances get Object.prototype
log(Object.getPrototypeOf(new Proto()) === Object.prototype);

// Comparisons feeding branches, with numbers, strings, NaN and objects.
const vals = [1, 2.5, '3', NaN, null, undefined, { valueOf() { return 4; } }, 'b', 'a'];
let out = '';
for (const a of vals) for (const b of vals) out += (a < b ? '<' : '') + (a <= b ? 'L' : '') + (a == b ? '=' : '') + (a === b ? 'S' : '') + (!(a > b) ? '!' : '') + ',';
log(out.length, out.slice(0, 60));
let w = 0;
while (w < 5) w++;
do w--; while (w > 2);
log(w);

// i++ and i-- on non-numbers and at the int32 edge.
let s = '41'; s++;
let u; u++;
let big32 = 2147483647; big32++;
let small32 = -2147483648; small32--;
let o2 = { valueOf() { return 9; } }; const before = o2++;
log(s, u, big32, small32, before, o2);

// Map and Set: growth, deletes, rebuilds, iteration during change, -0 and NaN keys.
const m = new Map();
for (let i = 0; i < 300; i++) m.set(i % 2 ? 'k' + i : i, i);
for (let i = 0; i < 300; i += 3) m.delete(i % 2 ? 'k' + i : i);
for (let i = 300; i < 400; i++) m.set(i, -i);
let seen = 0;
for (const [k] of m) { if (typeof k === 'number' && k < 20) m.delete(k + 1); seen++; }
log(m.size, seen, m.get('k7'), m.get(7), m.get(399), m.has(3));
m.set(-0, 'zero').set(NaN, 'nan');
log(m.get(0), m.get(NaN), [...m.keys()].slice(-2).map(String).join());
const st = new Set();
for (let i = 0; i < 200; i++) st.add('s' + (i % 50));
for (let i = 0; i < 50; i += 2) st.delete('s' + i);
log(st.size, st.has('s1'), st.has('s2'), [...st].slice(0, 3).join());

// Error stacks start with the message line.
try { null.x; } catch (e) { log(e instanceof TypeError, e.stack.split('\n')[0].startsWith('TypeError')); }
const err = new RangeError('bad ' + 1);
log(err.stack.split('\n')[0], err.stack.includes('fast-paths.js'));
// Numbers as strings (cached ones too) are ordinary strings.
const strs = [];
for (let r = 0; r < 2; r++) for (let i = 0; i < 12; i++) strs.push('n' + i);
log(strs.join('').length, strs[13] === 'n1', String(7) + 7, (123).toString() === '123');
