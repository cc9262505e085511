#!/usr/bin/env node
// Runs the libFuzzer targets long (README.md): gathers a seed corpus for
// each target into a work directory outside the repo — the checked-in
// regression corpus, this tree's conformance files, and test262 files if a
// checkout is given — then runs the target on it and prints the figures.
//
//   node tools/fuzz/fuzz.mjs [--build build/fuzz] [--work /tmp/glass-fuzz]
//        [--test262 /tmp/test262] [--seconds 600] [--runs N] [--jobs 1] TARGET...
//
// TARGET: parse compile run json regexp date number package_json cdp, or `all`. A crash is
// left as crash-* in the target's work directory; copy it into
// tools/fuzz/corpus/TARGET/ (and add a test of the fix) so CI replays it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(here, '../..');
const kTargets = ['parse', 'compile', 'run', 'json', 'regexp', 'date', 'number', 'package_json', 'cdp'];

const options = { build: path.join(root, 'build/fuzz'), work: '/tmp/glass-fuzz', test262: '', seconds: 600, runs: 0, jobs: 1 };
const targets = [];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a.startsWith('--')) {
    const key = a.slice(2);
    if (!(key in options)) { console.error(`fuzz.mjs: unknown option ${a}`); process.exit(2); }
    const value = argv[++i];
    options[key] = typeof options[key] === 'number' ? Number(value) : value;
  } else if (a === 'all') targets.push(...kTargets);
  else if (kTargets.includes(a)) targets.push(a);
  else { console.error(`fuzz.mjs: no target ${a} (targets: ${kTargets.join(' ')})`); process.exit(2); }
}
if (targets.length === 0) { console.error('usage: node tools/fuzz/fuzz.mjs [options] TARGET... | all'); process.exit(2); }

// Every file under `dir` whose name ends with one of `exts`, sorted.
function filesUnder(dir, exts) {
  const out = [];
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    if (exts.some((e) => file.endsWith(e)) && !file.includes('node_modules')) out.push(file);
  }
  return out.sort();
}

// JavaScript sources: our conformance cases, and test262's language tests
// (the first few thousand, small ones: libFuzzer prefers short inputs).
function jsSeeds() {
  const ours = filesUnder(path.join(root, 'conformance'), ['.js', '.mjs']);
  const theirs = options.test262
    ? filesUnder(path.join(options.test262, 'test/language'), ['.js']).concat(filesUnder(path.join(options.test262, 'test/built-ins'), ['.js']))
    : [];
  return ours.concat(theirs).filter((f) => fs.statSync(f).size <= 4096).slice(0, 6000).map((f) => fs.readFileSync(f));
}

// Texts pulled out of JS sources with a pattern: JSON-ish literals, date
// strings, regular expression literals.
function extract(sources, pattern, make) {
  const out = new Set();
  for (const s of sources) for (const m of s.toString().matchAll(pattern)) out.add(make(m));
  return [...out].slice(0, 4000).map((t) => Buffer.from(t, 'latin1'));
}

function seedsFor(target) {
  const js = jsSeeds();
  switch (target) {
    case 'parse': case 'compile': case 'run': return js;
    case 'json': return extract(js, /JSON\.parse\(\s*'([^'\\\n]{1,200})'/g, (m) => m[1]);
    case 'date': return extract(js, /new Date\(\s*["']([^"'\n]{1,80})["']/g, (m) => m[1]);
    case 'regexp': {
      const letters = 'imsuvdg';
      return extract(js, /\/((?:[^/\\\n[]|\\.|\[(?:[^\]\\\n]|\\.)*\]){1,80})\/([dgimsuvy]*)/g, (m) => {
        let bits = 0;
        for (const c of m[2]) if (letters.includes(c)) bits |= 1 << letters.indexOf(c);
        return String.fromCharCode(bits) + m[1] + '\0aab ab\nAB_1 xyz';
      });
    }
    case 'number': return extract(js, /\b(\d[\d.]*(?:e[+-]?\d+)?)\b/gi, (m) => m[1]);
    default: return [];  // package_json, cdp: the checked-in corpus is the seed
  }
}

const results = [];
for (const target of targets) {
  const binary = path.join(options.build, 'tools/fuzz', `fuzz_${target}`);
  if (!fs.existsSync(binary)) {
    console.error(`fuzz.mjs: ${binary} is missing; build it: cmake --preset fuzz && cmake --build --preset fuzz`);
    process.exit(2);
  }
  const work = path.join(options.work, target);
  const corpus = path.join(work, 'corpus'), seeds = path.join(work, 'seeds');
  fs.mkdirSync(corpus, { recursive: true });
  fs.rmSync(seeds, { recursive: true, force: true });
  fs.mkdirSync(seeds, { recursive: true });
  seedsFor(target).forEach((bytes, i) => fs.writeFileSync(path.join(seeds, `seed-${i}`), bytes));
  const args = [corpus, seeds, path.join(here, 'corpus', target), `-max_total_time=${options.seconds}`,
    '-print_final_stats=1', '-timeout=20', '-rss_limit_mb=3072', `-jobs=${options.jobs}`, `-workers=${options.jobs}`];
  if (options.runs) args.push(`-runs=${options.runs}`);
  console.log(`fuzz_${target}: ${fs.readdirSync(seeds).length} seeds, running in ${work}`);
  const run = spawnSync(binary, args, { cwd: work, encoding: 'utf8', maxBuffer: 1 << 30 });
  const log = (run.stdout ?? '') + (run.stderr ?? '');
  fs.writeFileSync(path.join(work, 'last-run.log'), log);
  const stat = (name) => (log.match(new RegExp(`stat::${name}:\\s+(\\d+)`)) ?? [])[1] ?? '?';
  const crashes = fs.readdirSync(work).filter((f) => /^(crash|leak|timeout|oom)-/.test(f));
  results.push({ target, executions: stat('number_of_executed_units'), perSecond: stat('average_exec_per_sec'),
    corpus: fs.readdirSync(corpus).length, findings: crashes.length ? crashes.join(' ') : 'none', status: run.status });
}
console.log('\n| target | executions | per second | corpus | findings |\n|---|---|---|---|---|');
for (const r of results) console.log(`| ${r.target} | ${r.executions} | ${r.perSecond} | ${r.corpus} | ${r.findings} |`);
