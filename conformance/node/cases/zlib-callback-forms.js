// zlib's callback forms run off the main thread: the callback comes after the current code, once per call, in order of each chain.
const zlib = require('zlib');
const text = 'callback data '.repeat(500);
let step = 0;
zlib.gzip(text, (err, packed) => {
  console.log('gzip', err, Buffer.isBuffer(packed), 'after sync code:', step === 1);
  zlib.gunzip(packed, (err, back) => {
    console.log('gunzip', err, back.toString() === text);
    zlib.deflate(text, { level: 1 }, (err, d) => {
      zlib.unzip(d, (err, u) => {
        console.log('deflate+unzip', err, u.toString() === text);
        zlib.deflateRaw(Buffer.from(text), (err, raw) => {
          zlib.inflateRaw(raw, (err, r) => {
            console.log('raw', err, r.length);
            zlib.inflate(Buffer.from('not deflate'), (err, r) => {
              console.log('inflate error', err.message, err.errno, err.code, r);
              zlib.gunzip(packed.subarray(0, 20), (err, r) => {
                console.log('gunzip truncated', err.message, err.errno, err.code, r);
                zlib.gunzip(packed, { maxOutputLength: 100 }, (err, r) => {
                  console.log('maxOutputLength', err.name, err.code, err.message, r);
                  zlib.brotliCompress(text, (err, b) => {
                    zlib.brotliDecompress(b, (err, r) => console.log('brotli', err, r.toString() === text));
                  });
                });
              });
            });
          });
        });
      });
    });
  });
});
step = 1;
console.log('sync code done');
