#!/usr/bin/env node
// Runs conformance/node/cases/*.js through glass and compares stdout, the
// exit status and the uncaught error's first line with what Node 20 printed.
//
//   node conformance/node/run.mjs [--glass PATH] [--gc-stress] [filters...]
//
// Exit status 0 when every case passes (cases listed in known-failures.txt
// may fail), 1 otherwise. Under --gc-stress (every allocation collects:
// glass runs 10-100x slower), cases whose expected output depends on how
// much time passes between timers say `timing-sensitive` in their first
// line and are skipped, as are those that say `allocation-heavy` (millions
// of allocations: a collection at each takes many minutes).
import fs from 'node:fs';
import path from 'node:path';
import { NODE_DIR, listCases, runCase } from './lib.mjs';

const args = process.argv.slice(2);
let glass = path.resolve(NODE_DIR, '../../build/release/glass');
const extra = [];
const filters = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--glass') glass = path.resolve(args[++i]);
  else if (args[i] === '--gc-stress') extra.push('--gc-stress');
  else filters.push(args[i]);
}
const knownFile = path.join(NODE_DIR, 'known-failures.txt');
const known = new Set(fs.existsSync(knownFile)
  ? fs.readFileSync(knownFile, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'))
  : []);

let failed = 0, passed = 0, knownFailed = 0;
for (const c of listCases(filters)) {
  const why = extra.length && /timing-sensitive|allocation-heavy/.exec(fs.readFileSync(c.file, 'utf8').split('\n')[0]);
  if (why) {
    console.log(`SKIP ${c.id} (${why[0]}, under --gc-stress)`);
    continue;
  }
  const expected = fs.readFileSync(c.file.replace(/\.m?js$/, '.expected'), 'utf8');
  const statusFile = c.file.replace(/\.m?js$/, '.status');
  let exit = 0, stderrLine = null;
  if (fs.existsSync(statusFile)) {
    for (const line of fs.readFileSync(statusFile, 'utf8').split('\n')) {
      if (line.startsWith('exit: ')) exit = Number(line.slice(6));
      if (line.startsWith('stderr: ')) stderrLine = line.slice(8);
    }
  }
  const r = runCase(glass, extra, c.file, extra.length ? 900 : 60);
  const problems = [];
  if (r.stdout !== expected) problems.push('stdout differs');
  if (r.exit !== exit) problems.push(`exit ${r.exit}, expected ${exit}`);
  if (stderrLine !== null && r.stderrLine !== stderrLine) problems.push(`error line ${JSON.stringify(r.stderrLine)}, expected ${JSON.stringify(stderrLine)}`);
  if (!problems.length) { passed++; continue; }
  if (known.has(c.id)) { knownFailed++; continue; }
  failed++;
  console.log(`FAIL ${c.id}: ${problems.join('; ')}`);
  if (r.stdout !== expected) {
    const a = expected.split('\n'), b = r.stdout.split('\n');
    for (let i = 0; i < Math.max(a.length, b.length); i++)
      if (a[i] !== b[i]) { console.log(`  line ${i + 1}: expected ${JSON.stringify(a[i])}\n          got      ${JSON.stringify(b[i])}`); break; }
  }
  if (r.stderr && r.exit !== exit) console.log(r.stderr.split('\n').slice(0, 5).map((l) => '  | ' + l).join('\n'));
}
console.log(`${passed} passed, ${failed} failed, ${knownFailed} known failures`);
process.exit(failed ? 1 : 0);
