#!/usr/bin/env node
// Micro benchmarks: glass against other interpreters on the small scripts in
// micro/ (see README.md).
//
//   node tools/bench/micro.mjs [--glass PATH] [--qjs PATH] [--baseline PATH] [--runs N] [--timeout S]
//        [--startup-runs N] [--no-startup] [filters...]
//
// For each benchmark, glass and every peer run N times (default 3), one run of
// each in turn so they see the same machine load; the median wall time is
// reported. Peers: `node --jitless` always (Node's interpreter, no JIT), `duk`
// when it is on PATH, `qjs` only with --qjs. Every engine must print the
// checksum line Node prints. A peer that cannot run a benchmark shows n/a;
// glass shows fail (or wrong, for a different checksum). Ratios are glass time
// / peer time (below 1: glass is faster), with a geometric mean per peer.
// The startup line times glass on an empty script (median of 20 runs) and
// reads its peak RSS from GNU time (`/usr/bin/time -f %M`).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../..');
const MICRO = path.join(HERE, 'micro');
const STARTUP_TARGET_MS = 5;
const STARTUP_TARGET_MB = 8;
const GNU_TIME = '/usr/bin/time';

function usage(message) {
  if (message) console.error(`micro.mjs: ${message}`);
  console.error('usage: node tools/bench/micro.mjs [--glass PATH] [--qjs PATH] [--baseline PATH] [--runs N] [--timeout S] [--startup-runs N] [--no-startup] [filters...]');
  process.exit(2);
}

function parseArgs(argv) {
  const o = {
    glass: path.join(REPO, 'build/release/glass'), qjs: null, baseline: null, runs: 3, timeout: 120,
    startupRuns: 20, startup: true, filters: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => (i + 1 < argv.length ? argv[++i] : usage(`${a} needs a value`));
    if (a === '--glass') o.glass = value();
    else if (a === '--qjs') o.qjs = value();
    else if (a === '--baseline') o.baseline = value();
    else if (a === '--runs') o.runs = Number(value());
    else if (a === '--timeout') o.timeout = Number(value());
    else if (a === '--startup-runs') o.startupRuns = Number(value());
    else if (a === '--no-startup') o.startup = false;
    else if (a === '-h' || a === '--help') usage();
    else if (a.startsWith('-')) usage(`unknown option ${a}`);
    else o.filters.push(a);
  }
  if (!(o.runs >= 1) || !(o.timeout > 0) || !(o.startupRuns >= 1)) usage('bad --runs, --timeout or --startup-runs');
  return o;
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const p = path.join(dir, name);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {}
  }
  return null;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// One run: { ms, ok, out, why }. `out` is the last stdout line (the checksum).
function runOnce(engine, file, timeoutMs) {
  const started = process.hrtime.bigint();
  const r = spawnSync(engine.cmd, [...engine.args, file], { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 16 << 20 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const out = (r.stdout ?? '').trim().split('\n').at(-1) ?? '';
  if (r.error?.code === 'ETIMEDOUT') return { ms, ok: false, why: 'timeout' };
  if (r.error) return { ms, ok: false, why: r.error.message };
  if (r.signal) return { ms, ok: false, why: `killed by ${r.signal}` };
  if (r.status !== 0) {
    const err = (r.stderr ?? '').split('\n').map((l) => l.trim()).find((l) => /Error\b/.test(l)) ?? (r.stderr ?? '').trim().split('\n')[0] ?? '';
    return { ms, ok: false, why: `exit ${r.status}${err ? `: ${err.slice(0, 100)}` : ''}` };
  }
  return { ms, ok: true, out };
}

function fmtMs(ms) {
  return ms >= 100 ? ms.toFixed(0) : ms.toFixed(1);
}

// Startup: median wall time of `glass empty.js`, and peak RSS from GNU time.
function startup(engine, runs, emptyFile) {
  const times = [];
  let failure = null;
  runOnce(engine, emptyFile, 10000); // warm the page cache
  for (let i = 0; i < runs; i++) {
    const r = runOnce(engine, emptyFile, 10000);
    if (!r.ok) {
      failure = r.why;
      break;
    }
    times.push(r.ms);
  }
  let rssKb = null;
  if (!failure && fs.existsSync(GNU_TIME)) {
    const kbs = [];
    for (let i = 0; i < 3; i++) {
      const r = spawnSync(GNU_TIME, ['-f', 'GNU-TIME-RSS %M', engine.cmd, ...engine.args, emptyFile], { encoding: 'utf8' });
      const m = /GNU-TIME-RSS (\d+)/.exec(r.stderr ?? '');
      if (m) kbs.push(Number(m[1]));
    }
    if (kbs.length) rssKb = median(kbs);
  }
  return { failure, ms: times.length ? median(times) : null, rssKb };
}

function printTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(fmt(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(fmt(r));
}

function main() {
  const o = parseArgs(process.argv.slice(2));
  const glassPath = path.resolve(o.glass);
  if (!fs.existsSync(glassPath)) usage(`no glass binary at ${glassPath} (build it, or pass --glass)`);
  const engines = [
    { name: 'glass', cmd: glassPath, args: [] },
    { name: 'node --jitless', cmd: process.execPath, args: ['--jitless', '--no-warnings'] },
  ];
  const duk = onPath('duk');
  if (duk) engines.push({ name: 'duk', cmd: duk, args: [] });
  if (o.qjs) {
    const qjs = path.resolve(o.qjs);
    if (!fs.existsSync(qjs)) usage(`no qjs at ${qjs}`);
    engines.push({ name: 'qjs', cmd: qjs, args: [] });
  }
  if (o.baseline) {
    // Another glass build (say, before a change): its ratio says what the change cost.
    const baseline = path.resolve(o.baseline);
    if (!fs.existsSync(baseline)) usage(`no baseline glass at ${baseline}`);
    engines.push({ name: 'baseline', cmd: baseline, args: [] });
  }
  const peers = engines.slice(1);
  const reference = engines[1]; // node --jitless decides the checksum

  const benches = fs.readdirSync(MICRO).filter((f) => f.endsWith('.js')).sort()
    .filter((f) => !o.filters.length || o.filters.some((x) => f.includes(x)));
  if (!benches.length) usage(`no benchmark matches ${o.filters.join(' ')}`);
  console.log(`engines: ${engines.map((e) => `${e.name} (${e.cmd})`).join(', ')}`);
  console.log(`${o.runs} runs each, median wall time in ms (process start included); ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(2)}\n`);

  const ratios = new Map(peers.map((p) => [p.name, []]));
  const rows = [];
  const notes = [];
  for (const bench of benches) {
    const file = path.join(MICRO, bench);
    const runs = new Map(engines.map((e) => [e.name, []]));
    for (let i = 0; i < o.runs; i++) {
      for (const e of engines) {
        const prev = runs.get(e.name);
        if (prev.length && !prev.at(-1).ok) continue; // it failed: do not retry
        prev.push(runOnce(e, file, o.timeout * 1000));
      }
    }
    const refRuns = runs.get(reference.name);
    const checksum = refRuns.every((r) => r.ok) ? refRuns[0].out : null;
    if (checksum === null) notes.push(`${bench}: node --jitless failed (${refRuns.find((r) => !r.ok).why})`);
    const result = new Map(); // name -> { ms } | { label }
    for (const e of engines) {
      const rs = runs.get(e.name);
      const bad = rs.find((r) => !r.ok);
      const isGlass = e.name === 'glass';
      if (bad) {
        result.set(e.name, { label: isGlass ? 'fail' : 'n/a' });
        notes.push(`${bench}: ${e.name} ${bad.why}`);
      } else if (checksum !== null && rs.some((r) => r.out !== checksum)) {
        result.set(e.name, { label: isGlass ? 'wrong' : 'n/a' });
        notes.push(`${bench}: ${e.name} printed "${rs.find((r) => r.out !== checksum).out}", node printed "${checksum}"`);
      } else result.set(e.name, { ms: median(rs.map((r) => r.ms)) });
    }
    const g = result.get('glass');
    const row = [bench.replace(/\.js$/, ''), ...engines.map((e) => {
      const r = result.get(e.name);
      return r.ms !== undefined ? fmtMs(r.ms) : r.label;
    })];
    for (const p of peers) {
      const pr = result.get(p.name);
      if (g.ms !== undefined && pr.ms !== undefined) {
        const ratio = g.ms / pr.ms;
        ratios.get(p.name).push(ratio);
        row.push(ratio.toFixed(2));
      } else row.push('-');
    }
    rows.push(row);
    process.stderr.write(`  ${bench} done\n`);
  }
  const geo = (xs) => (xs.length ? Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length) : null);
  rows.push(['geometric mean', ...engines.map(() => ''), ...peers.map((p) => {
    const gm = geo(ratios.get(p.name));
    return gm === null ? '-' : `${gm.toFixed(2)} (${ratios.get(p.name).length})`;
  })]);
  console.log('');
  printTable(['benchmark', ...engines.map((e) => e.name), ...peers.map((p) => `glass/${p.name.split(' ')[0]}`)], rows);
  if (notes.length) {
    console.log('\nnotes:');
    for (const n of notes) console.log(`  ${n}`);
  }

  if (o.startup) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'glass-micro-'));
    const empty = path.join(tmp, 'empty.js');
    fs.writeFileSync(empty, '');
    try {
      console.log(`\nstartup (empty script, median of ${o.startupRuns} runs; peak RSS from ${fs.existsSync(GNU_TIME) ? `${GNU_TIME} -f %M` : 'n/a: no GNU time'}):`);
      for (const e of engines) {
        const s = startup(e, e.name === 'glass' ? o.startupRuns : Math.min(o.startupRuns, 5), empty);
        if (s.failure) {
          console.log(`  ${e.name.padEnd(15)} fail (${s.failure})`);
          continue;
        }
        const rss = s.rssKb === null ? 'n/a' : `${(s.rssKb / 1024).toFixed(1)} MB`;
        let verdict = '';
        if (e.name === 'glass') {
          const timeOk = s.ms < STARTUP_TARGET_MS;
          const rssOk = s.rssKb !== null && s.rssKb / 1024 < STARTUP_TARGET_MB;
          verdict = `   targets: < ${STARTUP_TARGET_MS} ms ${timeOk ? 'met' : 'MISSED'}, < ${STARTUP_TARGET_MB} MB ${s.rssKb === null ? 'unknown' : rssOk ? 'met' : 'MISSED'}`;
        }
        console.log(`  ${e.name.padEnd(15)} ${fmtMs(s.ms).padStart(6)} ms  ${rss.padStart(8)} max RSS${verdict}`);
      }
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
  return 0;
}

process.exit(main());
