// BigInt: literals, conversions, operators, comparisons, the BigInt function and prototype, wrappers, keys.
const err = (f) => { try { return `ok ${String(f())}`; } catch (e) { return e.name; } };
const show = (v) => (typeof v === 'bigint' ? `${v}n` : typeof v === 'string' ? JSON.stringify(v) : String(v));

// Literals in every radix, separators, big values.
console.log(`literals: ${0n} ${123n} ${0x1Fn} ${0o17n} ${0b101n} ${1_000_000n} ${0xFFFF_FFFF_FFFF_FFFF_FFFFn}`);
console.log(`big literal: ${123456789012345678901234567890123456789n}`);
console.log(`typeof: ${typeof 1n} ${typeof Object(1n)} ${typeof BigInt} ${typeof BigInt(1)}`);

// ToBoolean, ToString, template literals, string concatenation.
console.log(`truthiness: ${!!0n} ${!!1n} ${!!-1n} ${0n ? 'yes' : 'no'} ${0n || 'fallback'} ${1n && 'and'}`);
console.log(`strings: ${String(-42n)} ${'x' + 5n} ${5n + 'x'} ${[1n, 2n].join()} ${`${-0n}`}`);
console.log(`toString radix: ${(255n).toString(16)} ${(-255n).toString(2)} ${(2n ** 70n).toString(36)} ${(10n).toString()}`);
console.log(`toLocaleString: ${(1234567n).toLocaleString()} ${(-1000n).toLocaleString()} ${(12n).toLocaleString()}`);

// Arithmetic.
const a = 12345678901234567890n, b = -987654321n;
console.log(`add/sub: ${a + b} ${a - b} ${b - a} ${-a}`);
console.log(`mul: ${a * b} ${a * a}`);
console.log(`div/mod: ${a / b} ${a % b} ${-7n / 2n} ${-7n % 2n} ${7n / -2n} ${7n % -2n} ${1n / 3n}`);
console.log(`pow: ${2n ** 100n} ${(-3n) ** 3n} ${0n ** 0n} ${(-1n) ** 1000001n} ${1n ** 100000000000n}`);
console.log(`bitwise: ${-5n & 3n} ${-5n | 3n} ${-5n ^ 3n} ${~5n} ${~-1n} ${a & 0xFFFFn} ${b | 0xFFn} ${a ^ b}`);
console.log(`shifts: ${1n << 100n} ${-5n >> 1n} ${5n >> 1n} ${-1n >> 1000n} ${8n << -2n} ${-9n >> 100000000000n} ${0n << 100000000000n}`);
let c = 9007199254740993n;
c++;
const post = c--;
console.log(`update: ${c} ${post} ${++c} ${--c} ${c += 10n} ${c *= -1n}`);
console.log(`unary minus zero: ${-0n} ${Object.is(-0n, 0n)}`);

// Errors (names only).
console.log(`unary plus: ${err(() => +1n)}`);
console.log(`mixing: ${err(() => 1n + 1)} ${err(() => 1 * 1n)} ${err(() => 2n ** 1)} ${err(() => 1n - undefined)}`);
console.log(`division by zero: ${err(() => 1n / 0n)} ${err(() => 1n % 0n)}`);
console.log(`negative exponent: ${err(() => 2n ** -1n)}`);
console.log(`unsigned shift: ${err(() => 1n >>> 0n)}`);
console.log(`too big: ${err(() => 2n ** 10000000000n)} ${err(() => 1n << 10000000000n)}`);
console.log(`ToNumber: ${err(() => Math.abs(1n))} ${err(() => isNaN(1n))} ${err(() => 1n | 0)} ${err(() => [1, 2][1n])}`);

// Conversions from BigInt.
console.log(`Number(): ${Number(12n)} ${Number(2n ** 64n)} ${Number(-(2n ** 53n + 1n))} ${Number(2n ** 1024n)} ${Number(2n ** 53n + 3n)}`);
console.log(`parse: ${parseInt(10n)} ${parseFloat(15n)} ${parseInt(0x10n, 16)}`);
console.log(`keys: ${JSON.stringify({ [1n]: 'a', [2n ** 64n]: 'b' })} ${({ 1: 'one' })[1n]} ${['x', 'y'][1n]} ${'1' in { [1n]: 0 }}`);

// The BigInt function.
console.log(`BigInt(): ${BigInt(42)} ${BigInt(-0)} ${BigInt(2 ** 70)} ${BigInt(true)} ${BigInt(false)} ${BigInt(5n)}`);
console.log(`from strings: ${BigInt('')} ${BigInt('  12  ')} ${BigInt('-12')} ${BigInt('+7')} ${BigInt('0x1f')} ${BigInt('0o17')} ${BigInt('0B11')} ${BigInt('\n 0 \t')}`);
console.log(`from objects: ${BigInt({ valueOf() { return 3; } })} ${BigInt({ valueOf() { return '4'; } })} ${BigInt(Object(6n))} ${BigInt([7])}`);
console.log(`bad strings: ${['1.5', 'abc', '1e3', '-0x1', '0x', '1_0', '1n', 'Infinity', '- 1'].map((s) => err(() => BigInt(s))).join(' ')}`);
console.log(`bad numbers: ${[1.5, NaN, Infinity, -Infinity, 2 ** -1074].map((n) => err(() => BigInt(n))).join(' ')}`);
console.log(`bad others: ${[undefined, null, Symbol('s'), {}].map((v) => err(() => BigInt(v))).join(' ')}`);
console.log(`new BigInt: ${err(() => new BigInt(1))}`);
console.log(`properties: ${BigInt.length} ${BigInt.name} ${BigInt.asIntN.length} ${BigInt.asUintN.length} ${BigInt.prototype.constructor === BigInt}`);
console.log(`asIntN: ${BigInt.asIntN(8, 255n)} ${BigInt.asIntN(8, 128n)} ${BigInt.asIntN(8, -129n)} ${BigInt.asIntN(64, 2n ** 63n)} ${BigInt.asIntN(0, 5n)} ${BigInt.asIntN(1, 1n)} ${BigInt.asIntN(2 ** 40, -1n)}`);
console.log(`asUintN: ${BigInt.asUintN(8, -1n)} ${BigInt.asUintN(64, -1n)} ${BigInt.asUintN(8, 256n)} ${BigInt.asUintN(0, 5n)} ${BigInt.asUintN(2 ** 40, 1n)} ${BigInt.asUintN('8', 257n)}`);
console.log(`as errors: ${err(() => BigInt.asIntN(-1, 1n))} ${err(() => BigInt.asUintN(8, 5))} ${err(() => BigInt.asUintN(2 ** 53, 1n))} ${err(() => BigInt.asUintN(2 ** 40, -1n))}`);
console.log(`prototype: ${Object.prototype.toString.call(1n)} ${BigInt.prototype[Symbol.toStringTag]} ${(5n).valueOf() === 5n} ${err(() => BigInt.prototype.toString.call(1))} ${err(() => (1n).toString(1))} ${err(() => BigInt.prototype.valueOf.call({}))}`);

// Wrappers.
const w = Object(7n);
console.log(`wrapper: ${typeof w} ${w instanceof BigInt} ${w == 7n} ${w === 7n} ${w + 1n} ${typeof w.valueOf()} ${String(w)} ${`${w}`}`);
BigInt.prototype.double = function () { return this * 2n; };
console.log(`prototype method: ${(21n).double()}`);
delete BigInt.prototype.double;

// Comparisons.
const rel = [[1n, 2], [2n, 1], [1n, 1], [1n, 1.5], [2n, 1.5], [-1n, -1.5], [1n, NaN], [1n, Infinity], [1n, -Infinity],
  [2n ** 64n, 2 ** 64], [2n ** 64n + 1n, 2 ** 64], [1n, '2'], [3n, '2'], [1n, 'x'], ['10', 9n], [1n, true], [0n, null], [1n, 2n], [-1n, -2n]];
for (const [x, y] of rel) console.log(`${show(x)} vs ${show(y)}: < ${x < y} <= ${x <= y} > ${x > y} >= ${x >= y}`);
const eqs = [[1n, 1], [1n, 1.5], [0n, -0], [1n, '1'], [1n, ' 1 '], [1n, '0x1'], [1n, '1.0'], [1n, 'x'], [0n, ''], [1n, true], [0n, false],
  [2n ** 64n, 2 ** 64], [2n ** 53n + 1n, 2 ** 53 + 1], [1n, 1n], [1n, Object(1n)], [0n, null], [0n, undefined], [1n, NaN], [1n, [1]]];
for (const [x, y] of eqs) console.log(`${show(x)} == ${show(y)}: ${x == y} ${y == x}, === ${x === y}, != ${x != y}`);
console.log(`Object.is: ${Object.is(1n, 1n)} ${Object.is(2n ** 80n, 2n ** 80n)} ${Object.is(1n, 1)}`);
console.log(`switch: ${(() => { switch (10n ** 20n) { case 100000000000000000000n: return 'matched'; default: return 'no'; } })()}`);

// SameValueZero: Map, Set, includes, indexOf.
const m = new Map([[1n, 'one'], [2n ** 64n, 'big']]);
console.log(`Map: ${m.get(1n)} ${m.get(2n ** 64n)} ${m.get(1)} ${m.has(18446744073709551616n)} ${m.size}`);
const s = new Set([1n, 1n, 2n ** 64n, 2n ** 64n, 1]);
console.log(`Set: ${s.size} ${s.has(1n)} ${s.has(2n ** 64n)} ${s.delete(2n ** 64n)} ${s.size}`);
console.log(`includes: ${[1n, 2n ** 70n].includes(2n ** 70n)} ${[1n].includes(1)} ${[2n ** 70n].indexOf(2n ** 70n)} ${[1n].indexOf(1)} ${[0, 2n ** 70n].lastIndexOf(2n ** 70n)}`);

// ToPrimitive through valueOf / Symbol.toPrimitive.
const obj = { valueOf() { return 10n; } };
console.log(`ToPrimitive: ${obj * 2n} ${obj + 1n} ${obj > 9n} ${obj == 10n} ${-obj} ${~obj}`);
const prim = { [Symbol.toPrimitive](hint) { return hint === 'string' ? 'str' : 3n; } };
console.log(`toPrimitive hints: ${`${prim}`} ${prim + 1n} ${prim * 3n}`);

// JSON.
console.log(`JSON: ${err(() => JSON.stringify({ a: 1n }))} ${err(() => JSON.stringify(Object(1n)))}`);
BigInt.prototype.toJSON = function () { return `${this}n`; };
console.log(`toJSON: ${JSON.stringify({ a: 1n, b: [2n] })}`);
delete BigInt.prototype.toJSON;

// A loop: factorial and fibonacci.
let f = 1n;
for (let i = 1n; i <= 30n; i++) f *= i;
let [p, q] = [0n, 1n];
for (let i = 0; i < 150; i++) [p, q] = [q, p + q];
console.log(`30! = ${f}, fib(150) = ${p}`);
