// Errors in zlib streams: 'error' then 'close' for corrupt data, "unexpected end of file" for a stream cut short, pipeline's callback gets the error.
const zlib = require('zlib');
const { pipeline, Readable, Writable } = require('stream');
const sink = () => new Writable({ write(c, e, cb) { cb(); } });
const bad = zlib.createGunzip();
const seen = [];
bad.on('error', (e) => seen.push(`error ${e.message} ${e.errno} ${e.code}`));
bad.on('close', () => {
  seen.push('close');
  console.log('corrupt', seen, bad.destroyed);
  const packed = zlib.gzipSync('some text that will be cut short '.repeat(20));
  const cut = zlib.createGunzip();
  const got = [];
  cut.on('data', (c) => got.push(c.length));
  cut.on('error', (e) => {
    console.log('truncated', e.message, e.errno, e.code, got.length >= 0);
    pipeline(Readable.from([Buffer.from('x'), Buffer.from('y')]), zlib.createInflate(), sink(), (err) => {
      console.log('pipeline', err && err.message, err && err.code);
      const w = zlib.createDeflate();
      try {
        w.write(12345);
      } catch (e) {
        console.log('write type', e.name, e.code);
      }
    });
  });
  cut.end(packed.subarray(0, packed.length - 12));
});
bad.write(Buffer.from('this is not gzip'));
