// zlib's stream classes are Transforms: pipeline through gzip and back, chunkSize-sized output, bytesWritten, events.
const zlib = require('zlib');
const { pipeline, Readable, Writable, Transform } = require('stream');
const text = Array.from({ length: 1500 }, (_, i) => `row ${i},${i * i},${'v'.repeat(i % 40)}`).join('\n');
function collector(onDone) {
  const parts = [];
  return new Writable({
    write(chunk, encoding, cb) { parts.push(chunk); cb(); },
    final(cb) { onDone(Buffer.concat(parts), parts); cb(); },
  });
}
function pieces(buf, size) {
  const out = [];
  for (let i = 0; i < buf.length; i += size) out.push(buf.subarray(i, i + size));
  return out;
}
const gzip = zlib.createGzip({ level: 6 });
console.log(gzip instanceof Transform, gzip instanceof zlib.Gzip, gzip.bytesWritten);
let packed;
pipeline(Readable.from(pieces(Buffer.from(text), 4000)), gzip, collector((b) => { packed = b; }), (err) => {
  console.log('gzip done', err, gzip.bytesWritten === Buffer.byteLength(text), zlib.gunzipSync(packed).toString() === text);
  const gunzip = zlib.createGunzip({ chunkSize: 4096 });
  pipeline(Readable.from(pieces(packed, 700)), gunzip, collector((b, parts) => {
    console.log('gunzip out', b.toString() === text, parts.every((p) => p.length <= 4096), parts.length > 5);
  }), (err) => {
    console.log('gunzip done', err);
    const events = [];
    const d = zlib.createDeflateRaw();
    for (const e of ['finish', 'end', 'close']) d.on(e, () => events.push(e));
    const chunks = [];
    d.on('data', (c) => chunks.push(c));
    d.write('abc');
    d.write(Buffer.from('def'));
    d.end('ghi', () => events.push('end callback'));
    d.on('close', () => {
      console.log('deflateRaw', events, zlib.inflateRawSync(Buffer.concat(chunks)).toString());
      const inflate = zlib.createInflate();
      inflate.setEncoding('utf8');
      let out = '';
      inflate.on('data', (s) => { out += s; });
      inflate.on('end', () => console.log('setEncoding', typeof out, out.length));
      inflate.end(zlib.deflateSync('é'.repeat(3000)));
    });
  });
});
