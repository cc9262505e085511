#!/usr/bin/env node
// Soak test (issue 15 point 7): runs the TCP echo and fs workloads
// (tools/soak/*.js) in one glass process each for a long time, under the
// lighter collector stress (--gc-stress=N: a collection every N
// allocations, each verified), and checks that memory stays flat: the
// resident size after warm-up against the resident size at the end.
//
//   node tools/soak.mjs [--glass build/release/glass] [--seconds 600]
//        [--gc-stress-every 1000] [--max-growth 0.10] [echo] [fs]
//
// Prints a table (rounds, RSS at start and end, growth, live heap) and
// exits 1 when a workload fails or its RSS grew more than --max-growth
// (plus 1 MB of slack for the allocator's rounding). ctest runs a 20-second
// version of each (runtime_soak); the figures in the README are 10 minutes.
import { spawn } from 'node:child_process';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
const options = { glass: path.join(here, '../build/release/glass'), seconds: 600, 'gc-stress-every': 1000, 'max-growth': 0.10 };
const workloads = [];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a.startsWith('--')) {
    const key = a.slice(2);
    if (!(key in options) || i + 1 >= argv.length) {
      console.error(`soak.mjs: unknown option or missing value: ${a}`);
      process.exit(2);
    }
    options[key] = key === 'glass' ? path.resolve(argv[++i]) : Number(argv[++i]);
  } else if (a === 'echo' || a === 'fs') workloads.push(a);
  else {
    console.error(`soak.mjs: no workload ${a} (echo, fs)`);
    process.exit(2);
  }
}
if (workloads.length === 0) workloads.push('echo', 'fs');

// The median of `values` (which is not empty).
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function runWorkload(name) {
  return new Promise((resolve) => {
    const args = [];
    if (options['gc-stress-every'] > 0) args.push(`--gc-stress=${options['gc-stress-every']}`);
    args.push(path.join(here, 'soak', `${name}.js`), String(options.seconds));
    const child = spawn(options.glass, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const rounds = [];
    let out = '', err = '', failure = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      let nl;
      while ((nl = out.indexOf('\n')) >= 0) {
        const line = out.slice(0, nl);
        out = out.slice(nl + 1);
        const m = line.match(/^round (\d+) rss (\d+) heap (\d+)/);
        if (m) rounds.push({ time: Date.now(), rss: Number(m[2]), heap: Number(m[3]) });
        else if (line.startsWith('FAIL')) failure = line;
      }
    });
    child.stderr.on('data', (chunk) => { err += chunk; });
    // A hang guard: the workload ends itself at its deadline.
    const guard = setTimeout(() => child.kill('SIGKILL'), (options.seconds + 120) * 1000);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      if (code !== 0) failure ||= `exit ${code ?? 'signal ' + signal}: ${err.trim().split('\n').slice(-3).join(' | ')}`;
      resolve({ name, rounds, failure });
    });
  });
}

let failed = 0;
const rows = [];
for (const name of workloads) {
  const { rounds, failure } = await runWorkload(name);
  if (rounds.length < 10) {
    rows.push(`| ${name} | ${rounds.length} | - | - | - | - | FAIL: ${failure || 'too few rounds to judge'} |`);
    failed++;
    continue;
  }
  // Start: the rounds between 20% and 30% of the run (after warm-up);
  // end: the last 10%. Medians, so one round's spike decides nothing.
  const n = rounds.length;
  const start = rounds.slice(Math.floor(n * 0.2), Math.max(Math.floor(n * 0.3), Math.floor(n * 0.2) + 1));
  const end = rounds.slice(Math.floor(n * 0.9));
  const rssStart = median(start.map((r) => r.rss)), rssEnd = median(end.map((r) => r.rss));
  const heapStart = median(start.map((r) => r.heap)), heapEnd = median(end.map((r) => r.heap));
  const growth = (rssEnd - rssStart) / rssStart;
  const flat = rssEnd <= rssStart * (1 + options['max-growth']) + (1 << 20);
  const verdict = failure ? `FAIL: ${failure}` : flat ? 'flat' : `FAIL: RSS grew ${(growth * 100).toFixed(1)}%`;
  if (failure || !flat) failed++;
  const mb = (b) => (b / 1048576).toFixed(1);
  rows.push(`| ${name} | ${n} | ${mb(rssStart)} MB | ${mb(rssEnd)} MB | ${(growth * 100).toFixed(1)}% | ${mb(heapStart)} → ${mb(heapEnd)} MB | ${verdict} |`);
}
console.log(`glass ${options.glass}, ${options.seconds} s per workload, ` +
  (options['gc-stress-every'] > 0 ? `--gc-stress=${options['gc-stress-every']}` : 'no collector stress'));
console.log('| workload | rounds | RSS after warm-up | RSS at end | growth | live heap | verdict |');
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
process.exit(failed ? 1 : 0);
