#!/usr/bin/env node
// Does `glass --check` accept real code? Parses typescript.js, three.module.js
// (as a module), react-dom's development build and lodash, and prints pass or
// fail for each, with glass's error when it fails.
//
//   node tools/bench/real_code_parse.mjs [--glass build/release/glass]
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { FILES, ensurePackages, glassPath } from './packages.mjs';

const glass = glassPath(process.argv);
const modules = ensurePackages();
let passed = 0;
let failed = 0;
for (const f of FILES) {
  const file = path.join(modules, f.file);
  const args = f.module ? ['--check', '--module', file] : ['--check', file];
  const started = process.hrtime.bigint();
  const r = spawnSync(glass, args, { encoding: 'utf8', timeout: 120000 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status === 0) {
    passed++;
    console.log(`pass  ${f.name.padEnd(10)} ${f.file} (${ms.toFixed(0)} ms)`);
  } else {
    failed++;
    const why = r.error ? r.error.message : r.signal ? `killed by ${r.signal}` : `exit ${r.status}`;
    console.log(`FAIL  ${f.name.padEnd(10)} ${f.file}: ${why}`);
    if (r.stderr) console.log(r.stderr.trim().split('\n').slice(0, 6).map((l) => `      ${l.slice(0, 200)}`).join('\n'));
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
