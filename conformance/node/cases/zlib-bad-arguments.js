// Bad arguments to zlib: Node's ERR_INVALID_ARG_TYPE / ERR_OUT_OF_RANGE messages, thrown before any work.
const zlib = require('zlib');
function attempt(label, fn) {
  try {
    const r = fn();
    console.log(label, 'ok', r && r.constructor && r.constructor.name);
  } catch (e) {
    console.log(label, `${e.name} [${e.code}]: ${e.message}`);
  }
}
for (const bad of [123, null, undefined, true, {}, [1, 2], Symbol('s')]) {
  attempt(`gzipSync ${typeof bad}`, () => zlib.gzipSync(bad));
}
attempt('inflateSync number', () => zlib.inflateSync(5));
attempt('gzip no callback', () => zlib.gzip('x'));
attempt('gzip callback number', () => zlib.gzip('x', {}, 5));
attempt('gzip bad buffer', () => zlib.gzip(42, () => console.log('never')));
attempt('level 20', () => zlib.deflateSync('x', { level: 20 }));
attempt('level -2', () => zlib.createDeflate({ level: -2 }));
attempt('level string', () => zlib.createDeflate({ level: '5' }));
attempt('level Infinity', () => zlib.createDeflate({ level: Infinity }));
attempt('level NaN', () => zlib.createDeflate({ level: NaN }));
attempt('windowBits 7', () => zlib.gzipSync('x', { windowBits: 7 }));
attempt('windowBits 16', () => zlib.createInflate({ windowBits: 16 }));
attempt('memLevel 0', () => zlib.createGzip({ memLevel: 0 }));
attempt('memLevel 10', () => zlib.createGzip({ memLevel: 10 }));
attempt('strategy 5', () => zlib.createGzip({ strategy: 5 }));
attempt('chunkSize 10', () => zlib.createGzip({ chunkSize: 10 }));
attempt('chunkSize string', () => zlib.createGzip({ chunkSize: '64' }));
attempt('flush 9', () => zlib.createGzip({ flush: 9 }));
attempt('finishFlush -1', () => zlib.createGunzip({ finishFlush: -1 }));
attempt('maxOutputLength 0', () => zlib.gunzipSync(zlib.gzipSync('x'), { maxOutputLength: 0 }));
attempt('dictionary string', () => zlib.createDeflate({ dictionary: 'abc' }));
attempt('dictionary number', () => zlib.createInflate({ dictionary: 5 }));
attempt('options number', () => zlib.createGzip(5));
attempt('options undefined', () => zlib.createGzip(undefined));
attempt('crc32 number', () => zlib.crc32(5));
attempt('crc32 value string', () => zlib.crc32('abc', 'x'));
attempt('crc32 object', () => zlib.crc32({}));
attempt('params level', () => zlib.createDeflate().params(12, 0, () => {}));
attempt('brotli param type', () => zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 'high' } }));
attempt('brotli unknown param', () => zlib.createBrotliCompress({ params: { 99: 1 } }));
attempt('brotli chunkSize', () => zlib.brotliCompressSync('x', { chunkSize: 1 }));
