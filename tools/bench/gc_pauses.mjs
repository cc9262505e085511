#!/usr/bin/env node
// Collector pause times against live heap size, glass next to node (issue 12:
// "marking is linear in what is live, whatever its shape").
//
//   node tools/bench/gc_pauses.mjs [--glass PATH] [--baseline PATH] [--sizes 10000,100000,1000000]
//        [--shapes list,tree,weakmap,array] [--timeout S]
//
// For each shape and size, one program builds the live structure, then forces
// three full collections; the median of their pauses is reported, with the
// live heap after them. glass runs with --trace-gc in the test262 host (whose
// $262.gc() forces a cycle: the `reason=forced` lines); node runs with
// --expose-gc --trace-gc (gc() does a full Mark-Compact: the `testing` lines).
// The last column, µs per 1,000 live elements, is flat when pauses are linear.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../..');

function usage(message) {
  if (message) console.error(`gc_pauses.mjs: ${message}`);
  console.error('usage: node tools/bench/gc_pauses.mjs [--glass PATH] [--baseline PATH] [--sizes N,N...] [--shapes list,tree,weakmap,array] [--timeout S]');
  process.exit(2);
}

function parseArgs(argv) {
  const o = {
    glass: path.join(REPO, 'build/release/glass'),
    baseline: null,
    sizes: [10000, 100000, 1000000],
    shapes: ['list', 'tree', 'weakmap', 'array'],
    timeout: 120,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => (i + 1 < argv.length ? argv[++i] : usage(`${a} needs a value`));
    if (a === '--glass') o.glass = path.resolve(value());
    else if (a === '--baseline') o.baseline = path.resolve(value());
    else if (a === '--sizes') o.sizes = value().split(',').map(Number);
    else if (a === '--shapes') o.shapes = value().split(',');
    else if (a === '--timeout') o.timeout = Number(value());
    else usage(`unknown argument ${a}`);
  }
  if (o.sizes.some((n) => !Number.isInteger(n) || n <= 0)) usage('--sizes takes positive integers');
  for (const s of o.shapes) if (!SHAPES[s]) usage(`unknown shape ${s} (${Object.keys(SHAPES).join(', ')})`);
  return o;
}

// Each shape: code that leaves N live elements in `keep`.
const SHAPES = {
  // A singly linked list of N objects: the deepest possible graph.
  list: `let head = null; for (let i = 0; i < N; i++) head = { next: head, v: i }; keep = head;`,
  // A tree of N objects, 100 children per node: wide and shallow.
  tree: `const root = { kids: [] }; let level = [root], made = 1;
    while (made < N) {
      const next = [];
      for (const p of level) {
        for (let j = 0; j < 100 && made < N; j++) { const c = { kids: [] }; p.kids.push(c); next.push(c); made++; }
        if (made >= N) break;
      }
      level = next;
    }
    keep = root;`,
  // One WeakMap of N entries, each value the next entry's key: a chain only
  // ephemeron processing can follow, given in one insertion order.
  weakmap: `const wm = new WeakMap(), first = {}; let k = first;
    for (let i = 0; i < N; i++) { const next = {}; wm.set(k, next); k = next; }
    k = null; keep = [wm, first];`,
  // One array of N small objects.
  array: `const a = []; for (let i = 0; i < N; i++) a.push({ v: i }); keep = a;`,
};

function program(shape, n, collect) {
  return `var keep; (function () { const N = ${n}; ${SHAPES[shape]} })();
for (let i = 0; i < 3; i++) ${collect};
(typeof console === 'object' ? console.log : print)('done');
`;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Runs one program; returns { pause (ms), live (MB) } or { error }.
function run(engine, shape, n, timeout, dir) {
  const file = path.join(dir, `${engine.name}-${shape}-${n}.js`);
  fs.writeFileSync(file, program(shape, n, engine.collect));
  const r = spawnSync(engine.cmd, [...engine.args, file], { encoding: 'utf8', timeout: timeout * 1000, maxBuffer: 1 << 26 });
  if (r.error?.code === 'ETIMEDOUT' || r.signal === 'SIGTERM') return { error: `timeout ${timeout}s` };
  if (r.status !== 0 || !r.stdout.includes('done')) return { error: `exit ${r.status ?? r.signal}: ${(r.stderr || '').split('\n').slice(-3).join(' ')}` };
  const cycles = engine.parse(r.stdout + r.stderr);
  if (cycles.length < 3) return { error: 'no forced collections in the trace' };
  const last = cycles.slice(-3);
  return { pause: median(last.map((c) => c.pause)), live: last[last.length - 1].live };
}

// [gc 3] before=1.20MiB after=0.31MiB marked=12034 freed=45110 pause=0.42ms reason=forced
function parseGlass(text) {
  const re = /^\[gc \d+\] before=[\d.]+MiB after=([\d.]+)MiB marked=\d+ freed=\d+ pause=([\d.]+)ms reason=forced/gm;
  return [...text.matchAll(re)].map((m) => ({ live: Number(m[1]) * 1.048576, pause: Number(m[2]) }));
}

// [pid:0x...]   120 ms: Mark-Compact 45.2 (48.1) -> 45.1 (48.1) MB, 12.34 / 0.00 ms  (...) testing; GC in old space requested
function parseNode(text) {
  const re = /Mark-Compact(?: \(reduce\))? [\d.]+ \([\d.]+\) -> ([\d.]+) \([\d.]+\) MB, (?:pooled: [\d.]+ MB, )?([\d.]+) \/ [\d.]+ ms.*testing/gm;
  return [...text.matchAll(re)].map((m) => ({ live: Number(m[1]), pause: Number(m[2]) }));
}

const o = parseArgs(process.argv.slice(2));
if (!fs.existsSync(o.glass)) usage(`no glass at ${o.glass} (build it: cmake --build --preset release)`);
const engines = [
  { name: 'glass', cmd: o.glass, args: ['--trace-gc', '--test262'], collect: '$262.gc()', parse: parseGlass },
  ...(o.baseline
    ? [{ name: 'baseline', cmd: o.baseline, args: ['--trace-gc', '--test262'], collect: '$262.gc()', parse: parseGlass }]
    : []),
  { name: 'node', cmd: process.execPath, args: ['--expose-gc', '--trace-gc'], collect: 'gc()', parse: parseNode },
];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glass-gc-pauses-'));
const cell = (r, key, digits) => (r.error ? 'fail' : r[key].toFixed(digits));
const header = ['shape', 'N', ...engines.flatMap((e) => [`${e.name} MB`, `${e.name} ms`]), 'glass/node', 'glass µs/1k'];
if (o.baseline) header.push('glass/baseline');
console.log(`node ${process.version}; glass ${o.glass}; ${os.cpus().length} cores; median of 3 forced full collections`);
console.log(header.join('\t'));
const notes = [];
try {
  for (const shape of o.shapes) {
    for (const n of o.sizes) {
      const results = engines.map((e) => run(e, shape, n, o.timeout, dir));
      const [g, ...rest] = results;
      const nd = results[results.length - 1];
      const row = [shape, n, ...results.flatMap((r) => [cell(r, 'live', 1), cell(r, 'pause', 2)])];
      row.push(g.error || nd.error ? 'n/a' : (g.pause / nd.pause).toFixed(2));
      row.push(g.error ? 'n/a' : ((g.pause * 1000) / (n / 1000)).toFixed(1));
      if (o.baseline) row.push(g.error || rest[0].error ? 'n/a' : (g.pause / rest[0].pause).toFixed(2));
      console.log(row.join('\t'));
      results.forEach((r, i) => r.error && notes.push(`${engines[i].name} ${shape} ${n}: ${r.error}`));
    }
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
if (notes.length) console.log(`notes:\n  ${notes.join('\n  ')}`);
