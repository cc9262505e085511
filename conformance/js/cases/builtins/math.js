// Math functions with exact results (no platform-dependent last digits).
const show = (v) => (Object.is(v, -0) ? '-0' : String(v));
console.log([Math.abs(-5), Math.abs(-0), Math.sign(-3), Math.sign(0), Math.sign(-0), Math.sign(NaN)].map(show).join(' '));
console.log([Math.floor(-1.5), Math.ceil(-1.5), Math.round(-1.5), Math.round(1.5), Math.round(2.5), Math.round(-2.5), Math.round(-0.2), Math.trunc(-1.9), Math.trunc(0.9)].map(show).join(' '));
console.log([Math.max(), Math.min(), Math.max(1, NaN), Math.max(-0, 0), Math.min(-0, 0), Math.max('3', 2)].map(show).join(' '));
console.log([Math.sqrt(16), Math.sqrt(-1), Math.cbrt(27), Math.pow(2, 10), Math.pow(NaN, 0), Math.hypot(3, 4), Math.hypot()].map(show).join(' '));
console.log([Math.log(1), Math.log(0), Math.exp(0), Math.log2(8), Math.log10(1000), Math.expm1(0), Math.log1p(0)].map(show).join(' '));
console.log([Math.sin(0), Math.cos(0), Math.atan2(0, -1) === Math.PI, Math.atan2(-0, 1), Math.tan(0), Math.asin(1) === Math.PI / 2].map(show).join(' '));
console.log([Math.fround(5.5), Math.fround(5.05) === 5.05, Math.clz32(1), Math.clz32(0), Math.imul(3, 4), Math.imul(0xffffffff, 5)].map(show).join(' '));
console.log([Math.PI, Math.E, Math.SQRT2, Math.LN2].map((x) => x.toFixed(10)).join(' '));
let inRange = true;
for (let i = 0; i < 1000; i++) { const r = Math.random(); if (!(r >= 0 && r < 1)) inRange = false; }
console.log(`random in [0, 1): ${inRange}`);
console.log(`Math is not a function: ${typeof Math} ${Object.prototype.toString.call(Math)}`);
console.log(`${Math.max(...[1, 5, 3])} ${Math.min.apply(null, [4, 2, 8])}`);
