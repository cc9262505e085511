// Arithmetic, exponentiation, remainder, bitwise and shift operators.
const show = (v) => (Object.is(v, -0) ? '-0' : String(v));
console.log([7 / 2, -7 / 2, 7 % 3, -7 % 3, 7 % -3, 5.5 % 2, -0 % 5, 5 % 0, 1 / 0, -1 / 0, 0 / 0].map(show).join(' '));
console.log([2 ** 10, 2 ** -1, (-2) ** 3, 2 ** 3 ** 2, 0.1 * 3, 1e308 * 10, -1e308 * 10].map(show).join(' '));
console.log([0 * -1, -0 + 0, -0 - 0, -0 + -0, Math.round(-0.4), -5 % 5].map(show).join(' '));
console.log([5 & 3, 5 | 3, 5 ^ 3, ~5, ~-1, ~~3.7, ~~-3.7].join(' '));
console.log([1 << 31, 1 << 32, -1 >> 1, -1 >>> 0, -1 >>> 28, 2 ** 32 + 5 | 0, 4294967295 | 0].join(' '));
console.log([1 << 33, 8 >> 33, 3.9 | 0, -3.9 | 0, NaN | 0, Infinity | 0].join(' '));
let i = 5;
const a = i++ + ++i;
console.log(`i=${i} a=${a}`);
let s = '5';
s++;
console.log(`string increment: ${s} ${typeof s}`);
let x = 10;
x += 5; x -= 3; x *= 2; x /= 4; x %= 4; x **= 3; x <<= 2; x >>= 1; x >>>= 0; x &= 7; x |= 8; x ^= 3;
console.log(`compound: ${x}`);
console.log(`bigint: ${2n ** 64n} ${-7n / 2n} ${-7n % 2n} ${5n << 3n} ${(1n << 100n) + 1n} ${0x10n}`);
try { 1n + 1; } catch (e) { console.log(`mix bigint: ${e.name}`); }
console.log(`${1n < 2} ${2n > 1.5} ${10n == 10} ${typeof (5n * 5n)}`);
