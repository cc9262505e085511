// zlib.gzipSync then gunzipSync of 10 MB of log-like text (compressible,
// not trivially), three times; checks the round trip (after the timing:
// Buffer#equals is not what is measured).
const zlib = require('zlib');
const lines = [];
let seed = 1;
for (let size = 0; size < 10 * 1024 * 1024;) {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  const line = `2024-01-${String(seed % 28 + 1).padStart(2, '0')} level=${['info', 'warn', 'debug'][seed % 3]} ` +
    `request=${seed.toString(36)} took=${seed % 977}ms path=/api/v1/items/${seed % 10007}\n`;
  lines.push(line);
  size += line.length;
}
const input = Buffer.from(lines.join(''));
const start = process.hrtime.bigint();
const results = [];
for (let i = 0; i < 3; i++) results.push(zlib.gunzipSync(zlib.gzipSync(input)));
const ms = Number(process.hrtime.bigint() - start) / 1e6;
console.log('bytes', input.length, 'round trips equal', results.every((r) => r.equals(input)));
console.log(`elapsed ${ms.toFixed(1)}`);
