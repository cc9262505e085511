#!/usr/bin/env node
// Runtime benchmarks (issue 4): the event loop, the thread pool, sockets and
// promise jobs, glass against Node on the scripts in runtime/.
//
//   node tools/bench/runtime.mjs [--glass PATH] [--runs N] [filters...]
//
// Each script times its own measured part with process.hrtime and prints
// `elapsed <ms>` last (so process start-up, where Node spends ~40 ms, is not
// counted), after lines that must be the same in every engine. Each script
// runs N times (default 3) in each engine, alternating; the median elapsed
// time is reported. The peer is `node` for the I/O-bound scripts and
// `node --jitless` for the JS-bound one (an interpreter against an
// interpreter). Target: glass within 1.5x of its peer on each.
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../..');
const TARGET = 1.5;

// name -> [script, peer arguments, what it measures]
const BENCHMARKS = [
  ['timers', 'timers.js', [], '10,000 chained callbacks, alternating setTimeout(0) and setImmediate'],
  ['fs-read', 'fs-read.js', [], 'reading 1,000 small files at once with fs.promises'],
  ['tcp-echo', 'tcp-echo.js', [], '10,000 TCP echo round trips on one connection'],
  ['awaits', 'awaits.js', ['--jitless'], '100,000 awaits of resolved promises'],
  ['zlib-sync', 'zlib-sync.js', [], 'gzipSync + gunzipSync of 10 MB of text, 3 times'],
  ['zlib-stream', 'zlib-stream.js', [], 'a 10 MB file through createGzip and back through createGunzip (pipelines)'],
];

function parseArgs(argv) {
  const o = { glass: path.join(REPO, 'build/release/glass'), runs: 3, filters: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--glass') o.glass = path.resolve(argv[++i]);
    else if (a === '--runs') o.runs = Number(argv[++i]);
    else if (a.startsWith('-')) {
      console.error(`runtime.mjs: unknown option ${a}\nusage: node tools/bench/runtime.mjs [--glass PATH] [--runs N] [filters...]`);
      process.exit(2);
    } else o.filters.push(a);
  }
  return o;
}

// One run: { ms, lines } or { error }.
function runOnce(program, args, script) {
  const r = spawnSync(program, [...args, script], { encoding: 'utf8', timeout: 120000 });
  if (r.status !== 0) return { error: `exit ${r.status ?? r.signal}: ${(r.stderr || '').split('\n')[0]}` };
  const lines = r.stdout.trim().split('\n');
  const last = lines.pop();
  const m = /^elapsed ([\d.]+)$/.exec(last || '');
  if (!m) return { error: `no elapsed line in output: ${last}` };
  return { ms: Number(m[1]), lines: lines.join('\n') };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const opts = parseArgs(process.argv.slice(2));
const rows = [];
let failed = false;
for (const [name, file, peerArgs, what] of BENCHMARKS) {
  if (opts.filters.length && !opts.filters.some((f) => name.includes(f))) continue;
  const script = path.join(HERE, 'runtime', file);
  const glass = [], peer = [];
  let error = null;
  for (let i = 0; i < opts.runs && !error; i++) {
    const g = runOnce(opts.glass, [], script);
    const n = runOnce(process.execPath, peerArgs, script);
    if (n.error) error = `node: ${n.error}`;
    else if (g.error) error = `glass: ${g.error}`;
    else if (g.lines !== n.lines) error = `glass printed ${JSON.stringify(g.lines)}, node ${JSON.stringify(n.lines)}`;
    else {
      glass.push(g.ms);
      peer.push(n.ms);
    }
  }
  const peerName = ['node', ...peerArgs].join(' ');
  if (error) {
    failed = true;
    rows.push([name, 'fail', '', peerName, error]);
    continue;
  }
  const ratio = median(glass) / median(peer);
  rows.push([name, median(glass).toFixed(1), median(peer).toFixed(1), peerName, `${ratio.toFixed(2)}x${ratio <= TARGET ? '' : '  OVER ' + TARGET + 'x'}`, what]);
}

console.log(`runtime benchmarks: median of ${opts.runs} runs, ms of the measured part (ratio = glass / peer; target <= ${TARGET}x)\n`);
const header = ['benchmark', 'glass ms', 'peer ms', 'peer', 'ratio', 'what'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i] ?? '').length)));
const fmt = (r) => r.map((c, i) => String(c ?? '').padEnd(widths[i])).join('  ').trimEnd();
console.log(fmt(header));
for (const r of rows) console.log(fmt(r));
process.exit(failed ? 1 : 0);
