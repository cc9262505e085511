#!/usr/bin/env node
// The ReDoS table: catastrophic-backtracking patterns on attack strings of
// growing length, in glass, node and (with --qjs) QuickJS. See README.md.
//
//   node tools/bench/redos.mjs [--glass PATH] [--node PATH] [--qjs PATH] [--timeout S] [--sizes 10,100,1000,10000]
//
// Each cell is one process that builds the subject, then times one
// `re.test(subject)` inside the engine (start-up excluded); every attack
// string is built so that a backtracker explores every way to split the
// input: no match at all, or (for `(a|a)*$`, which may match empty) none
// before the end. A run past --timeout seconds
// (default 5) prints `>5s` and the larger sizes of that row are not tried;
// glass's backtracking budget shows as `budget` (its RangeError).
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../..');

// [name, pattern source, flags, attack string as a JS expression of n]
const CASES = [
  ['(a+)+$', '(a+)+$', '', "'a'.repeat(n) + '!'"],
  ['(a|a)*$', '(a|a)*$', '', "'a'.repeat(n) + '!'"],
  ['(a|aa)+$', '(a|aa)+$', '', "'a'.repeat(n) + '!'"],
  ['(.*a){12}', '(.*a){12}', '', "'x'.repeat(n) + 'a'.repeat(11)"],
  ['^(\\w+\\s?)*$', '^(\\w+\\s?)*$', '', "'a'.repeat(n) + '!'"],
  // OWASP "Regular expression Denial of Service - ReDoS", its examples:
  ['OWASP email', '^([a-zA-Z0-9])(([\\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$', '', "'a'.repeat(n) + '!'"],
  ['OWASP email 2', '^([0-9a-zA-Z]([-.\\w]*[0-9a-zA-Z])*@(([0-9a-zA-Z])+([-\\w]*[0-9a-zA-Z])*\\.)+[a-zA-Z]{2,9})$', '', "'a'.repeat(n) + '!'"],
  ['OWASP person name', "^[a-zA-Z]+(([\\'\\,\\.\\-][a-zA-Z ])?[a-zA-Z]*)*$", '', "'a'.repeat(n) + '!'"],
  ['OWASP Java class name', '^(([a-z])+.)+[A-Z]([a-z])+$', '', "'a'.repeat(n) + '!'"],
  ['(.|\\n)*?END', '(.|\\n)*?END', '', "'x'.repeat(n)"],
];

function usage(message) {
  if (message) console.error(`redos.mjs: ${message}`);
  console.error('usage: node tools/bench/redos.mjs [--glass PATH] [--node PATH] [--qjs PATH] [--timeout S] [--sizes 10,100,...]');
  process.exit(2);
}

function parseArgs(argv) {
  const o = { glass: path.join(REPO, 'build/release/glass'), node: process.execPath, qjs: null, timeout: 5,
              sizes: [10, 100, 1000, 10000] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => (i + 1 < argv.length ? argv[++i] : usage(`${a} needs a value`));
    if (a === '--glass') o.glass = value();
    else if (a === '--node') o.node = value();
    else if (a === '--qjs') o.qjs = value();
    else if (a === '--timeout') o.timeout = Number(value());
    else if (a === '--sizes') o.sizes = value().split(',').map(Number);
    else if (a === '--help' || a === '-h') usage();
    else usage(`unknown option ${a}`);
  }
  if (!(o.timeout > 0) || o.sizes.some((n) => !(n >= 0))) usage('bad --timeout or --sizes');
  return o;
}

// The script one cell runs; prints `ms result` or `budget`.
function script(source, flags, subject, n) {
  return `
const n = ${n};
const re = new RegExp(${JSON.stringify(source)}, ${JSON.stringify(flags)});
const s = ${subject};
const now = typeof performance === 'object' ? () => performance.now() : () => Date.now();
let line;
try {
  const t0 = now();
  const r = re.test(s);
  line = (now() - t0).toFixed(2) + ' ' + r;
} catch (e) {
  line = e instanceof RangeError ? 'budget' : 'error ' + e;
}
(typeof console === 'object' ? console.log : print)(line);
`;
}

function runCell(engine, code, timeoutS) {
  const args = engine.name === 'qjs' ? ['--std', '-e', code] : ['-e', code];
  const r = spawnSync(engine.path, args, { encoding: 'utf8', timeout: timeoutS * 1000, maxBuffer: 1 << 20 });
  if (r.error && r.error.code === 'ETIMEDOUT') return { text: `>${timeoutS}s`, stop: true };
  if (r.error) return { text: `fail (${r.error.code})`, stop: true };
  const out = (r.stdout || '').trim();
  if (out === 'budget') return { text: 'budget', stop: true };
  const m = /^([\d.]+) (true|false)$/.exec(out);
  if (!m) return { text: 'fail', stop: true, detail: (r.stderr || out).trim().split('\n')[0] };
  const ms = Number(m[1]);
  return { text: ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms < 10 ? ms.toFixed(2) : ms.toFixed(0)} ms`, stop: false };
}

const o = parseArgs(process.argv.slice(2));
const engines = [{ name: 'glass', path: o.glass }, { name: 'node', path: o.node }];
if (o.qjs) engines.push({ name: 'qjs', path: o.qjs });

console.log(`ReDoS: one re.test(attack) per cell, time inside the engine; timeout ${o.timeout}s per run\n`);
console.log(`| pattern | attack | engine | ${o.sizes.map((n) => `n = ${n}`).join(' | ')} |`);
console.log(`| --- | --- | --- | ${o.sizes.map(() => '---:').join(' | ')} |`);
for (const [name, source, flags, subject] of CASES) {
  for (const engine of engines) {
    const cells = [];
    let stopped = null;
    for (const n of o.sizes) {
      if (stopped) {
        cells.push(stopped);
        continue;
      }
      const r = runCell(engine, script(source, flags, subject, n), o.timeout);
      cells.push(r.text);
      if (r.detail) console.error(`${engine.name} ${name} n=${n}: ${r.detail}`);
      if (r.stop) stopped = r.text.startsWith('>') ? r.text : r.text === 'budget' ? 'budget' : 'fail';
    }
    const shown = engine === engines[0] ? `\`${name.replace(/\|/g, '\\|')}\`` : '';
    const attack = engine === engines[0] ? `\`${subject.replace(/\|/g, '\\|')}\`` : '';
    console.log(`| ${shown} | ${attack} | ${engine.name} | ${cells.join(' | ')} |`);
  }
}
