// Typed-array element reads and writes through the interpreter's indexed access: conversions, bounds, detached and resized buffers.
const show = (label, x) => console.log(label + ': ' + Array.from(x, String).join(','));

// Each element type converts what is stored, in a loop (the fast path) and by one-off keys (the slow path).
const inputs = [0, 1, -1, 127, 128, 255, 256, 65535, 65536, -129, 2147483647, 2147483648, 4294967295, 1.5, 2.5, -1.5, 0.1, NaN, Infinity, -Infinity, -0];
for (const T of [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array]) {
  const a = new T(inputs.length);
  for (let i = 0; i < inputs.length; i++) a[i] = inputs[i];
  const b = new T(inputs.length);
  inputs.forEach((v, i) => { b[String(i)] = v; });
  let same = true;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) same = false;
  show(T.name, a);
  console.log(`  -0 kept: ${Object.is(a[20], -0)}, slow path agrees: ${same}`);
}

// Out of bounds: reads are undefined, writes vanish, no property appears, the prototype is not consulted.
Object.prototype[5] = 'proto';
const u8 = new Uint8Array(4);
u8[4] = 9; u8[-1] = 9; u8[1.5] = 9; u8['-0'] = 9;
console.log(`oob: ${u8[4]} ${u8[-1]} ${u8[1.5]} ${u8['-0']} ${u8[5]} keys=${Object.keys(u8)} has4=${4 in u8} hasMinus0=${'-0' in u8}`);
delete Object.prototype[5];

// Non-number values convert (valueOf runs once per write).
let calls = 0;
const i16 = new Int16Array(2);
i16[0] = { valueOf() { calls++; return 40000; } };
i16[1] = '12';
console.log(`converted: ${i16[0]} ${i16[1]} calls=${calls}`);

// Views share memory: a subarray and a view of another type see the same bytes.
const buf = new ArrayBuffer(8);
const whole = new Uint8Array(buf);
const tail = whole.subarray(4);
const words = new Uint32Array(buf);
for (let i = 0; i < 4; i++) tail[i] = 0x11 * (i + 1);
show('whole', whole);
console.log(`word1: ${words[1].toString(16)}`);

// A length-tracking view of a resizable buffer follows it; a fixed view past the end reads undefined.
const rab = new ArrayBuffer(4, { maxByteLength: 16 });
const tracking = new Uint8Array(rab);
const fixed = new Uint8Array(rab, 0, 4);
for (let i = 0; i < tracking.length; i++) tracking[i] = i + 1;
rab.resize(8);
for (let i = 4; i < 8; i++) tracking[i] = 10 * i;
show('grown', tracking);
rab.resize(2);
console.log(`shrunk: tracking.length=${tracking.length} fixed.length=${fixed.length} fixed[0]=${fixed[0]} tracking[1]=${tracking[1]}`);
fixed[0] = 99;
console.log(`write to out-of-bounds view: ${tracking[0]}`);

// BigInt element types.
const big = new BigInt64Array(3);
for (let i = 0; i < 3; i++) big[i] = BigInt(i) - 1n;
big[2] = 2n ** 64n + 5n;
const ubig = new BigUint64Array(big.buffer);
console.log(`bigint: ${big[0]} ${big[1]} ${big[2]} unsigned: ${ubig[0]}`);
try { big[0] = 1; } catch (e) { console.log(`number into BigInt64Array: ${e.name}`); }

// Sums over each kind by index, as the benchmark does.
let sum = 0;
const f64 = new Float64Array(1000);
for (let i = 0; i < f64.length; i++) f64[i] = i / 4;
for (let i = 0; i < f64.length; i++) sum += f64[i];
console.log(`float64 sum: ${sum}`);
