// console.log of typed arrays, ArrayBuffers, SharedArrayBuffers and DataViews, as util.inspect prints them.
console.log(new Uint8Array([1, 2, 3]));
console.log(new Float64Array([0.5, -0, NaN]), new BigInt64Array([1n, -2n]));
console.log(new Int16Array(0), [new Uint8ClampedArray(2)]);
console.log({ data: new Uint16Array(120) });
const withProp = new Int32Array(2);
withProp.label = 'x';
console.log(withProp);
class Bytes extends Uint8Array {}
console.log(new Bytes(2));
console.log(new ArrayBuffer(3), new SharedArrayBuffer(1));
const big = new Uint8Array(60).map((_, i) => i);
console.log(big.buffer);
console.log(new DataView(new ArrayBuffer(4), 1, 2));
console.log(new Uint8Array(new ArrayBuffer(8, { maxByteLength: 16 })));
console.log(new ArrayBuffer(101), new ArrayBuffer(102).byteLength);
