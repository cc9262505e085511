// zlib's sync forms: each compressor's output goes back through its decompressor (and unzip), for every input type and option.
const zlib = require('zlib');
const text = 'The quick brown fox jumps over the lazy dog. '.repeat(200) + 'é€𝄞';
const pairs = [
  ['deflateSync', 'inflateSync'], ['gzipSync', 'gunzipSync'], ['deflateRawSync', 'inflateRawSync'],
  ['deflateSync', 'unzipSync'], ['gzipSync', 'unzipSync'], ['brotliCompressSync', 'brotliDecompressSync'],
];
for (const [c, d] of pairs) {
  const packed = zlib[c](text);
  const back = zlib[d](packed);
  console.log(c, d, Buffer.isBuffer(packed), packed.length < text.length, Buffer.isBuffer(back), back.toString() === text);
}
const bytes = Buffer.from(text);
const inputs = {
  string: text,
  Buffer: bytes,
  Uint8Array: new Uint8Array(bytes),
  Uint16Array: new Uint16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + (bytes.length & ~1))),
  DataView: new DataView(bytes.buffer, bytes.byteOffset, bytes.length),
  ArrayBuffer: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
  subarray: bytes.subarray(4, 40),
};
for (const [name, input] of Object.entries(inputs)) {
  const back = zlib.gunzipSync(zlib.gzipSync(input));
  console.log(name, back.length, back.subarray(0, 12).toString());
}
for (const level of [-1, 0, 1, 5, 9]) {
  const packed = zlib.deflateSync(text, { level });
  console.log('level', level, zlib.inflateSync(packed).toString() === text, level === 0 ? packed.length > text.length : packed.length < 500);
}
for (const strategy of [0, 1, 2, 3, 4]) console.log('strategy', strategy, zlib.inflateSync(zlib.deflateSync(text, { strategy })).toString() === text);
for (const windowBits of [9, 12, 15]) {
  console.log('windowBits', windowBits,
    zlib.inflateSync(zlib.deflateSync(text, { windowBits }), { windowBits }).toString() === text,
    zlib.inflateRawSync(zlib.deflateRawSync(text, { windowBits }), { windowBits }).toString() === text,
    zlib.gunzipSync(zlib.gzipSync(text, { windowBits }), { windowBits: 15 }).toString() === text);
}
for (const memLevel of [1, 5, 9]) console.log('memLevel', memLevel, zlib.inflateSync(zlib.deflateSync(text, { memLevel })).toString() === text);
console.log('windowBits 0', zlib.inflateSync(zlib.deflateSync(text), { windowBits: 0 }).toString() === text);
const empty = zlib.gzipSync('');
console.log('empty', empty.length > 0, zlib.gunzipSync(empty).length, zlib.inflateSync(zlib.deflateSync(Buffer.alloc(0))).length);
const big = Buffer.alloc(1024 * 1024);
for (let i = 0; i < big.length; i++) big[i] = (i * 2654435761) >>> 24;
const bigBack = zlib.inflateSync(zlib.deflateSync(big, { level: 1 }));
console.log("1 MiB", bigBack.length, bigBack.equals(big));
const dict = Buffer.from('quick brown fox lazy dog');
console.log('dictionary', zlib.inflateSync(zlib.deflateSync(text, { dictionary: dict }), { dictionary: dict }).toString() === text,
  zlib.inflateRawSync(zlib.deflateRawSync(text, { dictionary: dict }), { dictionary: dict }).toString() === text);
