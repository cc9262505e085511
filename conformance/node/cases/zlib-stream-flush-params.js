// A deflate stream's flush() gives out what was written so far; params() changes the level mid-stream; reset(); close(cb).
const zlib = require('zlib');
const d = zlib.createDeflate();
const out = [];
d.on('data', (c) => out.push(c));
d.write('first part ');
d.flush(() => {
  const partial = Buffer.concat(out);
  const inflater = zlib.createInflate();
  let got = '';
  inflater.on('data', (c) => { got += c; });
  inflater.write(partial, () => {
    setTimeout(() => {
      console.log('after flush', JSON.stringify(got));
      d.params(9, zlib.constants.Z_FILTERED, () => {
        console.log('params', d._level, d._strategy);
        d.write('second part');
        d.end();
      });
    }, 100);
  });
});
d.on('end', () => {
  console.log('whole', zlib.inflateSync(Buffer.concat(out)).toString());
  const g = zlib.createGzip();
  g.write('reset me');
  g.reset();
  const c = zlib.createDeflate();
  c.close(() => console.log('closed', c.destroyed));
  const f = zlib.createGzip();
  const parts = [];
  f.on('data', (p) => parts.push(p));
  f.end('flushed after end');
  f.flush(zlib.constants.Z_SYNC_FLUSH, () => console.log('flush after end', zlib.gunzipSync(Buffer.concat(parts)).toString()));
});
