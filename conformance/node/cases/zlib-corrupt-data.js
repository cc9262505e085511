// Corrupt or truncated input to each decompressor: zlib's message, errno and Node's code, as a sync throw.
const zlib = require('zlib');
function attempt(label, fn) {
  try {
    const r = fn();
    console.log(label, 'ok', r.length);
  } catch (e) {
    console.log(label, `${e.name}: ${e.message}`, e.errno, e.code, Object.keys(e), e instanceof Error);
  }
}
const text = 'hello hello hello hello world '.repeat(30);
const gz = zlib.gzipSync(text);
const df = zlib.deflateSync(text);
attempt('inflate text', () => zlib.inflateSync(Buffer.from('hello')));
attempt('gunzip text', () => zlib.gunzipSync(Buffer.from('this is not gzip data')));
attempt('unzip text', () => zlib.unzipSync(Buffer.from('plain')));
attempt('gunzip deflate', () => zlib.gunzipSync(df));
attempt('inflate gzip', () => zlib.inflateSync(gz));
attempt('gunzip truncated', () => zlib.gunzipSync(gz.subarray(0, gz.length - 10)));
attempt('inflate truncated', () => zlib.inflateSync(df.subarray(0, 8)));
attempt('inflateRaw truncated', () => zlib.inflateRawSync(zlib.deflateRawSync(text).subarray(0, 5)));
attempt('gunzip empty', () => zlib.gunzipSync(Buffer.alloc(0)));
attempt('inflate empty', () => zlib.inflateSync(''));
const badCrc = Buffer.from(gz); badCrc[badCrc.length - 6] ^= 0xff;
attempt('gunzip bad crc', () => zlib.gunzipSync(badCrc));
const badLen = Buffer.from(gz); badLen[badLen.length - 2] ^= 0x01;
attempt('gunzip bad length', () => zlib.gunzipSync(badLen));
const badAdler = Buffer.from(df); badAdler[badAdler.length - 1] ^= 0xff;
attempt('inflate bad adler', () => zlib.inflateSync(badAdler));
const badMethod = Buffer.from(gz); badMethod[2] = 7;
attempt('gunzip bad method', () => zlib.gunzipSync(badMethod));
const badBlock = Buffer.from(df); badBlock[2] = 0xff;
attempt('inflate bad block', () => zlib.inflateSync(badBlock));
attempt('inflateRaw garbage', () => zlib.inflateRawSync(Buffer.from([0xff, 0xff, 0xff, 0xff])));
const dict = Buffer.from('hello world');
const withDict = zlib.deflateSync(text, { dictionary: dict });
attempt('missing dictionary', () => zlib.inflateSync(withDict));
attempt('bad dictionary', () => zlib.inflateSync(withDict, { dictionary: Buffer.from('other words') }));
attempt('brotli garbage', () => zlib.brotliDecompressSync(Buffer.from('definitely not brotli')));
attempt('brotli truncated', () => zlib.brotliDecompressSync(zlib.brotliCompressSync(text).subarray(0, 5)));
attempt('after trailing garbage', () => zlib.gunzipSync(Buffer.concat([gz, Buffer.from('garbage')])));
attempt('inflate trailing garbage ignored', () => zlib.inflateSync(Buffer.concat([df, Buffer.from('garbage')])));
