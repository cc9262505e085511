// Soak workload for fs on the thread pool (tools/soak.mjs): rounds of 200
// files written, read back concurrently (callbacks and promises), checked
// and removed, until SECONDS have passed. After each round prints:
//   round N rss BYTES heap BYTES files F
// Exits 1 naming the problem on any wrong content or error.
'use strict';
const fs = require('fs');
const path = require('path');

const seconds = Number(process.argv[2] || 10);
const N = 200;
const deadline = Date.now() + seconds * 1000;
const dir = path.join(process.env.TMPDIR || '/tmp', `glass-soak-fs-${process.pid}`);
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

function fail(why) {
  console.log('FAIL: ' + why);
  process.exit(1);
}

let round = 0, total = 0;
function runRound() {
  round++;
  const expected = [];
  for (let i = 0; i < N; i++) {
    expected.push(`round ${round} file ${i}: ` + 'é€x'.repeat((i + round) % 60) + '\n');
    fs.writeFileSync(path.join(dir, `f${i}.txt`), expected[i]);
  }
  let done = 0;
  const check = (i, err, text) => {
    if (err) fail(`f${i}: ${err.message}`);
    if (text !== expected[i]) fail(`round ${round} f${i}: wrong content`);
    if (++done === N) finishRound();
  };
  for (let i = 0; i < N; i++) {
    const file = path.join(dir, `f${i}.txt`);
    if (i % 2 === 0) fs.readFile(file, 'utf8', (err, text) => check(i, err, text));
    else fs.promises.readFile(file, { encoding: 'utf8' }).then((text) => check(i, null, text), (err) => check(i, err));
  }
}

function finishRound() {
  for (let i = 0; i < N; i++) fs.unlinkSync(path.join(dir, `f${i}.txt`));
  total += N;
  const m = process.memoryUsage();
  console.log(`round ${round} rss ${m.rss} heap ${m.heapUsed} files ${total}`);
  if (Date.now() < deadline) setImmediate(runRound);
}

runRound();
