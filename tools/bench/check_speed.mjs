#!/usr/bin/env node
// How fast does glass parse? Times `glass --check` against `node --check` on
// the same large file (typescript.js, about 9 MB), N runs each, interleaved in
// one run so that both see the same machine load, and prints the medians and
// their ratio. A benchmark, not a test: it asserts nothing.
//
//   node tools/bench/check_speed.mjs [--glass build/release/glass] [--runs 7] [--file NAME]
// NAME is one of: typescript, three, react-dom, lodash (default typescript).
// Note: `node --check` on a .js file compiles it as a CommonJS function body
// (V8 pre-parses inner functions lazily); both numbers include process start.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { FILES, ensurePackages, glassPath } from './packages.mjs';

const argv = process.argv;
const opt = (name, dflt) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : dflt);
const runs = Number(opt('--runs', '7'));
const which = FILES.find((f) => f.name === opt('--file', 'typescript'));
if (!which || !(runs >= 1)) {
  console.error(`usage: check_speed.mjs [--glass PATH] [--runs N] [--file ${FILES.map((f) => f.name).join('|')}]`);
  process.exit(2);
}
const glass = glassPath(argv);
const file = path.join(ensurePackages(), which.file);

function time(cmd, args) {
  const started = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) {
    console.error(`${path.basename(cmd)} ${args.join(' ')} failed (${r.signal ?? `exit ${r.status}`}):\n${(r.stderr ?? '').slice(0, 2000)}`);
    process.exit(1);
  }
  return ms;
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// node --check decides module vs script by extension; a module file here
// is .mjs or lives in a "type": "module" package, as three's does.
const glassArgs = which.module ? ['--check', '--module', file] : ['--check', file];
const nodeArgs = ['--check', file];
time(glass, glassArgs); // warm the page cache for both
time(process.execPath, nodeArgs);
const g = [];
const n = [];
for (let i = 0; i < runs; i++) {
  g.push(time(glass, glassArgs));
  n.push(time(process.execPath, nodeArgs));
}
const mb = fs.statSync(file).size / (1024 * 1024);
const gm = median(g);
const nm = median(n);
console.log(`file:  ${which.file} (${mb.toFixed(1)} MB), ${runs} runs each, medians`);
console.log(`glass --check  ${gm.toFixed(1)} ms  (${(mb / (gm / 1000)).toFixed(1)} MB/s)   runs: ${g.map((x) => x.toFixed(0)).join(' ')}`);
console.log(`node  --check  ${nm.toFixed(1)} ms  (${(mb / (nm / 1000)).toFixed(1)} MB/s)   runs: ${n.map((x) => x.toFixed(0)).join(' ')}`);
console.log(`ratio glass/node: ${(gm / nm).toFixed(2)}x ${gm <= nm ? '(glass faster)' : '(glass slower)'}`);
