#!/usr/bin/env node
// The runtime at its limits (issue 15): running out of memory under
// --max-heap-size ends the process as Node's "JavaScript heap out of memory"
// does (one line, the JS stack, exit 134; never std::terminate), while an
// allocation a program can survive throws a catchable RangeError; garbage
// never counts against the limit; a bad --max-heap-size is a usage error;
// and output written to a pipe before a kill arrives whole.
//
//   node conformance/node/limits.mjs --glass PATH [--sanitized]
//
// --sanitized (ASan builds): their allocator keeps operator new, so the
// heap does not see what C++ containers hold (gc/malloc_meter.h); the cases
// that depend on it, and the one under `ulimit -v` (ASan reserves terabytes
// of address space), are left out.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
const glass = path.resolve(args[args.indexOf('--glass') + 1]);
const sanitized = args.includes('--sanitized');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glass-limits-'));

function run(source, flags = [], shell = null) {
  const file = path.join(dir, 'case.js');
  fs.writeFileSync(file, source);
  const r = shell
    ? spawnSync('sh', ['-c', `${shell}; exec "$0" "$@"`, glass, ...flags, file], { encoding: 'utf8', timeout: 120_000 })
    : spawnSync(glass, [...flags, file], { encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

function outOfMemory(r, what) {
  assert.equal(r.signal, null, 'ended by a signal: ' + r.signal + '\n' + r.stderr);
  assert.equal(r.status, 134, r.stderr);
  assert.match(r.stderr, new RegExp(`^\\nFATAL ERROR: ${what} - JavaScript heap out of memory$`, 'm'));
  assert.doesNotMatch(r.stderr, /terminate called|bad_alloc/);
}

const cases = [];
const test = (name, fn, when = true) => cases.push({ name, fn, when });

test('cells kept alive past --max-heap-size=64: the report, the JS stack, exit 134', () => {
  const r = run('console.log("started");\nconst keep = [];\nfunction grow() {\n  for (;;) keep.push({ n: keep.length, s: "item " + keep.length });\n}\ngrow();\n',
                ['--max-heap-size=64']);
  outOfMemory(r, 'Reached heap limit');
  assert.equal(r.stdout, 'started\n');
  assert.match(r.stderr, /<--- JS stacktrace --->\n {4}at grow \(.*case\.js:4:\d+\)\n {4}at .*case\.js:6:\d+/);
});

test('big arrays kept alive (their elements are C++ memory) past --max-heap-size=64', () => {
  const r = run('const a = [];\nfor (;;) a.push(new Array(1e6).fill(0));\n', ['--max-heap-size=64']);
  outOfMemory(r, 'Reached heap limit');
}, !sanitized);

test('--max-old-space-size, Node\'s name, is the same limit', () => {
  const r = run('const a = [];\nfor (;;) a.push(new Array(1e5).fill(a.length));\n', ['--max-old-space-size=32']);
  outOfMemory(r, 'Reached heap limit');
}, !sanitized);

test('garbage does not count: 200 arrays of 8 MB made and dropped under a 64 MB limit', () => {
  const r = run('let sum = 0;\nfor (let i = 0; i < 200; i++) { const a = new Array(1e6).fill(i); sum += a[5]; }\nconsole.log(sum);\n',
                ['--max-heap-size=64']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, '19900\n');
});

test('an ArrayBuffer larger than the limit is a catchable RangeError; the program goes on', () => {
  const r = run('try { new ArrayBuffer(100 * 2 ** 20); } catch (e) { console.log(e instanceof RangeError, e.message); }\n' +
                'const small = new ArrayBuffer(2 ** 20);\nconsole.log("after", small.byteLength);\n', ['--max-heap-size=64']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'true Array buffer allocation failed\nafter 1048576\n');
});

test('the system refusing memory (ulimit -v) ends in the same report, never std::terminate', () => {
  const r = run('const a = [];\nfor (;;) a.push(new Array(1e6));\n', ['--max-heap-size=100000'], 'ulimit -v 2000000');
  outOfMemory(r, 'Allocation failed');
}, !sanitized);

test('bad --max-heap-size values are usage errors', () => {
  for (const flag of ['--max-heap-size=', '--max-heap-size=0', '--max-heap-size=12abc', '--max-heap-size=-5', '--max-old-space-size=x']) {
    const r = run('console.log("ran")', [flag]);
    assert.equal(r.status, 9, flag);
    assert.equal(r.stdout, '', flag);
    assert.match(r.stderr, /--max-heap-size needs a size in MB/, flag);
  }
});

test('output written to a pipe before a kill arrives whole', async () => {
  const file = path.join(dir, 'spin.js');
  fs.writeFileSync(file, 'for (let i = 1; i <= 50; i++) console.log("line " + i);\nprocess.stdout.write("no newline yet");\nfor (;;) {}\n');
  const child = spawn(glass, [file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  const deadline = Date.now() + 60_000;
  while (!out.endsWith('no newline yet') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  child.kill('SIGKILL');
  await new Promise((r) => child.on('close', r));
  const expected = Array.from({ length: 50 }, (_, i) => `line ${i + 1}\n`).join('') + 'no newline yet';
  assert.equal(out, expected);
});

let failed = 0;
for (const c of cases) {
  if (!c.when) {
    console.log(`SKIP ${c.name} (sanitizer build)`);
    continue;
  }
  try {
    await c.fn();
    console.log(`PASS ${c.name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${c.name}\n  ${String(e.message).split('\n').join('\n  ')}`);
  }
}
fs.rmSync(dir, { recursive: true, force: true });
console.log(`${cases.length - failed} passed or skipped, ${failed} failed`);
process.exit(failed ? 1 : 0);
