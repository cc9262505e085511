// A file gzipped through zlib.createGzip() as a stream (64 KiB chunks from
// the file's bytes into a pipeline), then gunzipped the same way; the file
// is 10 MB of log-like text written first (not timed).
const zlib = require('zlib');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pipeline, Readable, Writable } = require('stream');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zlib-stream-bench-'));
const file = path.join(dir, 'log.txt');
const lines = [];
let seed = 7;
for (let size = 0; size < 10 * 1024 * 1024;) {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  const line = `2024-02-${String(seed % 28 + 1).padStart(2, '0')} user=${seed.toString(36)} bytes=${seed % 65536}\n`;
  lines.push(line);
  size += line.length;
}
fs.writeFileSync(file, lines.join(''));

function chunksOf(buffer) {
  const out = [];
  for (let i = 0; i < buffer.length; i += 65536) out.push(buffer.subarray(i, i + 65536));
  return out;
}
function run(source, transform, done) {
  const parts = [];
  const sink = new Writable({ write(chunk, encoding, cb) { parts.push(chunk); cb(); } });
  pipeline(Readable.from(chunksOf(source)), transform, sink, (err) => done(err, Buffer.concat(parts)));
}
const start = process.hrtime.bigint();
const original = fs.readFileSync(file);
run(original, zlib.createGzip(), (err, packed) => {
  if (err) throw err;
  fs.writeFileSync(file + '.gz', packed);
  run(fs.readFileSync(file + '.gz'), zlib.createGunzip(), (err, back) => {
    if (err) throw err;
    const ms = Number(process.hrtime.bigint() - start) / 1e6;  // (equals after the timing)
    fs.rmSync(dir, { recursive: true });
    console.log('bytes', back.length, 'equal', back.equals(original));
    console.log(`elapsed ${ms.toFixed(1)}`);
  });
});
