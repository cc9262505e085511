// Reading 1,000 small files with fs.promises, all at once (the thread pool
// does the reads). The files are written first, outside the timed part.
const fs = require('fs');
const path = require('path');
const N = 1000;
const dir = fs.mkdtempSync(path.join(process.env.TMPDIR || '/tmp', 'glass-bench-'));
const names = [];
for (let i = 0; i < N; i++) {
  const name = path.join(dir, `f${i}.txt`);
  fs.writeFileSync(name, `file ${i} `.repeat(20));
  names.push(name);
}
const start = process.hrtime.bigint();
Promise.all(names.map((n) => fs.promises.readFile(n, 'utf8'))).then((contents) => {
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  let bytes = 0;
  contents.forEach((c, i) => {
    if (!c.startsWith(`file ${i} `)) throw new Error(`wrong content in ${names[i]}`);
    bytes += c.length;
  });
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`bytes ${bytes}`);
  console.log(`elapsed ${ms.toFixed(1)}`);
});
