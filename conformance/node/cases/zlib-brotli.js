// Brotli on libbrotli: sync, callback and stream forms, params (quality, size hint, mode), flush, and decoder errors with Node's codes.
const zlib = require('zlib');
const { pipeline, Readable, Writable } = require('stream');
const { BROTLI_PARAM_QUALITY, BROTLI_PARAM_SIZE_HINT, BROTLI_PARAM_MODE, BROTLI_MODE_TEXT, BROTLI_OPERATION_FLUSH } = zlib.constants;
const text = 'Brotli works well on text, text, text and more text. '.repeat(300);
for (const quality of [0, 4, 11]) {
  const packed = zlib.brotliCompressSync(text, { params: { [BROTLI_PARAM_QUALITY]: quality, [BROTLI_PARAM_SIZE_HINT]: text.length } });
  console.log('quality', quality, packed.length < text.length / 10, zlib.brotliDecompressSync(packed).toString() === text);
}
console.log('mode text', zlib.brotliDecompressSync(zlib.brotliCompressSync(text, { params: { [BROTLI_PARAM_MODE]: BROTLI_MODE_TEXT } })).length);
console.log('empty', zlib.brotliDecompressSync(zlib.brotliCompressSync('')).length);
console.log('classes', zlib.createBrotliCompress() instanceof zlib.BrotliCompress, zlib.createBrotliDecompress() instanceof zlib.BrotliDecompress);
try {
  zlib.brotliDecompressSync(Buffer.from([0x1b, 0xff, 0xff, 0xff, 0x00]));
} catch (e) {
  console.log('corrupt', e.message, e.errno, e.code);
}
zlib.brotliDecompress(Buffer.from('xyzzy plugh'), (err) => console.log('callback error', err.message, err.errno, err.code));
const parts = [];
const c = zlib.createBrotliCompress();
c.on('data', (d) => parts.push(d));
c.write(text.slice(0, 100));
c.flush(BROTLI_OPERATION_FLUSH, () => {
  console.log('flushed', zlib.createBrotliDecompress() && Buffer.concat(parts).length > 0);
  c.end(text.slice(100));
});
c.on('end', () => {
  console.log('stream round trip', zlib.brotliDecompressSync(Buffer.concat(parts)).toString() === text);
  const out = [];
  pipeline(Readable.from([Buffer.concat(parts)]), zlib.createBrotliDecompress({ chunkSize: 1024 }),
    new Writable({ write(chunk, e, cb) { out.push(chunk.length); cb(); } }), (err) => {
      console.log('pipeline', err, out.every((n) => n <= 1024), out.reduce((a, b) => a + b, 0));
    });
});
