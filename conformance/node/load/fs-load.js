// Load test for fs on the thread pool: 2,000 readFile calls in flight at
// once on distinct files (half with callbacks, half through fs.promises),
// every content checked, every completion counted. Prints "ok N" and exits 0,
// or names what went wrong and exits 1. Run by ../load.mjs (ctest fs_load)
// with GLASS_THREADPOOL_SIZE=1 and =8.
'use strict';
const fs = require('fs');
const path = require('path');

const N = 2000;
const dir = path.join(process.env.TMPDIR || '/tmp', `glass-fs-load-${process.pid}`);
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
const expected = [];
for (let i = 0; i < N; i++) {
  expected.push(`file ${i}: ` + 'é€x'.repeat(i % 50) + '\n');
  fs.writeFileSync(path.join(dir, `f${i}.txt`), expected[i]);
}

let completed = 0;
const problems = [];
function check(i, err, text) {
  completed++;
  if (err) problems.push(`f${i}: ${err.message}`);
  else if (text !== expected[i]) problems.push(`f${i}: wrong content ${JSON.stringify(text).slice(0, 60)}`);
}

for (let i = 0; i < N; i++) {
  const file = path.join(dir, `f${i}.txt`);
  if (i % 2 === 0) fs.readFile(file, 'utf8', (err, text) => check(i, err, text));
  else fs.promises.readFile(file, { encoding: 'utf8' }).then((text) => check(i, null, text), (err) => check(i, err));
}

process.on('exit', () => {
  fs.rmSync(dir, { recursive: true, force: true });
  if (completed !== N) problems.push(`${completed} of ${N} completions`);
  if (problems.length) {
    console.log(problems.slice(0, 10).join('\n'));
    process.exitCode = 1;
  } else {
    console.log(`ok ${completed}`);
  }
});
