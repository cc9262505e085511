#!/usr/bin/env node
// Runs each REPL case through `glass -i` and compares the transcript with
// the recorded one (see README.md).
//   node conformance/repl/run.mjs [--glass PATH] [filters...]
import fs from 'node:fs';
import path from 'node:path';
import { REPL_DIR, listCases, runCase } from './lib.mjs';

const args = process.argv.slice(2);
let glass = path.resolve(REPL_DIR, '../../build/release/glass');
const filters = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--glass') glass = path.resolve(args[++i]);
  else filters.push(args[i]);
}
let failed = 0;
let passed = 0;
for (const c of listCases(filters)) {
  let expected = fs.readFileSync(c.expected, 'utf8');
  if (expected.startsWith('# hand-written')) expected = expected.slice(expected.indexOf('\n') + 1);
  const r = runCase(glass, c);
  if (r.text === expected && r.status === 0) {
    passed++;
    continue;
  }
  failed++;
  console.log(`FAIL ${c.id}${r.status !== 0 ? ` (exit ${r.status})` : ''}`);
  const a = expected.split('\n');
  const b = r.text.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) {
      console.log(`  line ${i + 3}: expected ${JSON.stringify(a[i])}\n           got      ${JSON.stringify(b[i])}`);
      break;
    }
  }
  if (r.stderr) console.log(r.stderr.split('\n').slice(0, 5).map((l) => `  | ${l}`).join('\n'));
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
