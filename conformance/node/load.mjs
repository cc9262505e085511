#!/usr/bin/env node
// Runs the runtime's load tests (load/*.js) through glass, once per thread
// pool size (GLASS_THREADPOOL_SIZE=1, then 8). A test passes when it exits 0
// and its last line of stdout starts with "ok"; each run has a 120 s hang guard.
//
//   node conformance/node/load.mjs [--glass PATH] [filters...]
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { NODE_DIR } from './lib.mjs';

const args = process.argv.slice(2);
let glass = path.resolve(NODE_DIR, '../../build/release/glass');
const filters = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--glass') glass = path.resolve(args[++i]);
  else filters.push(args[i]);
}
const dir = path.join(NODE_DIR, 'load');
const tests = fs.readdirSync(dir).filter((n) => n.endsWith('.js') && (!filters.length || filters.some((f) => n.includes(f))));

let failed = 0;
for (const name of tests.sort()) {
  for (const pool of ['1', '8']) {
    const start = Date.now();
    const r = spawnSync(glass, [path.join(dir, name)], {
      encoding: 'utf8', timeout: 120_000, env: { ...process.env, GLASS_THREADPOOL_SIZE: pool },
    });
    const lines = (r.stdout || '').trim().split('\n');
    const ok = r.status === 0 && lines[lines.length - 1].startsWith('ok');
    console.log(`${ok ? 'PASS' : 'FAIL'} ${name} (pool ${pool}, ${Date.now() - start} ms)`);
    if (!ok) {
      failed++;
      console.log(`  exit ${r.status === null ? 'signal ' + r.signal : r.status}`);
      for (const l of [...lines, ...(r.stderr || '').split('\n')].slice(0, 20)) console.log('  | ' + l);
    }
  }
}
process.exit(failed ? 1 : 0);
