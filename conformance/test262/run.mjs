#!/usr/bin/env node
// The test262 runner for glass. See README.md beside this file.
//
//   node conformance/test262/run.mjs --test262 /tmp/test262 [--glass build/release/glass]
//        [--mode parse|exec] [-j N] [--timeout S] [--depth N] [--update] [--rerun-failures]
//        [--save results.json] [--list-failures] [dirs, files or globs...]
//   node conformance/test262/run.mjs --diff old.json new.json
//
// Flow: find the tests, read their metadata, skip excluded ones, run each
// through the mode (a pool of glass processes), then compare with the mode's
// expectations file and print the tables. A mode is a module with
// variantsFor / runTest / summarize / headline / tableColumns (and optionally
// skipReason): "parse" (glass --check, the default) and "exec" (glass
// --test262 with the harness).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readTestMetadata } from './lib/frontmatter.mjs';
import { runPool } from './lib/pool.mjs';
import * as parseMode from './lib/parse-mode.mjs';
import * as execMode from './lib/exec-mode.mjs';
import {
  globToRegExp, isGlob, readExpectations, readFeatureExclusions, isExpectedFailure,
  listedPaths, writeExpectations,
} from './lib/expectations.mjs';
import { makeProgress, dirKey, printTable, diffResults } from './lib/report.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../..');
const MODES = { parse: parseMode, exec: execMode };
const DEFAULT_DIRS = ['test/language', 'test/built-ins', 'test/annexB'];
// Not run by default: ECMA-402 is a different standard (run it by naming
// test/intl402 or a folder in it), staging holds unreviewed tests (never run).
const ALWAYS_SKIPPED = ['test/intl402/', 'test/staging/'];
const SKIPPED_UNLESS_NAMED = 'test/intl402/';

function usage(message) {
  if (message) console.error(`run.mjs: ${message}`);
  console.error(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 8).join('\n'));
  process.exit(2);
}

function parseArgs(argv) {
  const o = {
    test262: process.env.TEST262 ?? null, glass: path.join(REPO, 'build/release/glass'), mode: 'parse',
    jobs: os.cpus().length, timeout: 10, depth: 3, update: false, rerun: false, save: null,
    listFailures: false, diff: null, expectations: null, selections: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => (i + 1 < argv.length ? argv[++i] : usage(`${a} needs a value`));
    if (a === '--test262') o.test262 = value();
    else if (a === '--glass') o.glass = value();
    else if (a === '--mode') o.mode = value();
    else if (a === '-j' || a === '--jobs') o.jobs = Number(value());
    else if (a === '--timeout') o.timeout = Number(value());
    else if (a === '--depth') o.depth = Number(value());
    else if (a === '--update') o.update = true;
    else if (a === '--rerun-failures') o.rerun = true;
    else if (a === '--save') o.save = value();
    else if (a === '--list-failures') o.listFailures = true;
    else if (a === '--expectations') o.expectations = value();
    else if (a === '--diff') o.diff = [value(), value()];
    else if (a === '-h' || a === '--help') usage();
    else if (a.startsWith('-')) usage(`unknown option ${a}`);
    else o.selections.push(a);
  }
  if (!(o.jobs >= 1) || !(o.timeout > 0) || !(o.depth >= 1)) usage('bad --jobs, --timeout or --depth');
  return o;
}

// --- finding tests ----------------------------------------------------------

function walk(dir, out) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(p);
  }
}

// Selections are paths relative to the test262 root (or absolute inside it):
// directories, single files, or globs such as test/language/**/class/*.js.
function findTests(root, selections) {
  const found = new Set();
  for (let sel of selections) {
    if (path.isAbsolute(sel)) sel = path.relative(root, sel);
    sel = sel.split(path.sep).join('/').replace(/\/+$/, '');
    if (isGlob(sel)) {
      const parts = sel.split('/');
      const fixed = parts.slice(0, parts.findIndex(isGlob)).join('/');
      const re = globToRegExp(sel);
      const files = [];
      if (fs.existsSync(path.join(root, fixed))) walk(path.join(root, fixed), files);
      for (const f of files) if (re.test(path.relative(root, f).split(path.sep).join('/'))) found.add(f);
    } else {
      const abs = path.join(root, sel);
      if (!fs.existsSync(abs)) usage(`no such test or directory: ${sel}`);
      if (fs.statSync(abs).isDirectory()) {
        const files = [];
        walk(abs, files);
        files.forEach((f) => found.add(f));
      } else found.add(abs);
    }
  }
  return [...found]
    .map((abs) => ({ abs, rel: path.relative(root, abs).split(path.sep).join('/') }))
    .filter((t) => t.rel.endsWith('.js') && !t.rel.includes('_FIXTURE'))
    .sort((a, b) => (a.rel < b.rel ? -1 : 1));
}

function test262Commit(root) {
  if (!fs.existsSync(path.join(root, '.git'))) return null;
  try {
    return execFileSync('git', ['-C', root, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

// --- main -------------------------------------------------------------------

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (o.diff) process.exit(diffResults(o.diff[0], o.diff[1]));

  const mode = MODES[o.mode];
  if (!mode) usage(`mode "${o.mode}" is not implemented (modes: ${Object.keys(MODES).join(', ')})`);
  if (!o.test262) usage('--test262 DIR is required (or set TEST262)');
  const root = path.resolve(o.test262);
  if (!fs.existsSync(path.join(root, 'test'))) usage(`${root} is not a test262 checkout (no test/)`);
  const glass = path.resolve(o.glass);
  if (!fs.existsSync(glass)) usage(`no glass binary at ${glass} (build it, or pass --glass)`);

  const expFile = o.expectations ?? path.join(HERE, `${o.mode}-expectations.txt`);
  const expected = readExpectations(expFile);
  const commit = test262Commit(root);
  if (commit && expected.commit && commit !== expected.commit) {
    console.error(`warning: test262 checkout is at ${commit}, expectations are pinned to ${expected.commit}`);
  }
  const excludedFeatures = readFeatureExclusions(path.join(HERE, 'features-excluded.txt'));

  let selections = o.selections.length ? o.selections : DEFAULT_DIRS;
  if (o.rerun) {
    // A listed test that no longer exists (renamed upstream) is left out.
    selections = listedPaths(expected).filter((p) => isGlob(p) || fs.existsSync(path.join(root, p)));
    if (!selections.length) {
      console.log('no listed failures to rerun');
      console.log('0 passed, 0 failed');
      return 0;
    }
  }

  // Metadata and exclusions.
  const tests = [];
  const skippedByPath = [];
  const skippedByFeature = new Map(); // feature -> count
  const skippedByMode = new Map(); // reason (e.g. a flag) -> count
  let skippedCount = 0;
  const intlNamed = selections.some((s) => (s + '/').startsWith(SKIPPED_UNLESS_NAMED));
  for (const t of findTests(root, selections)) {
    if (ALWAYS_SKIPPED.some((p) => t.rel.startsWith(p)) && !(intlNamed && t.rel.startsWith(SKIPPED_UNLESS_NAMED))) {
      skippedByPath.push(t.rel);
      continue;
    }
    const meta = readTestMetadata(fs.readFileSync(t.abs, 'utf8'));
    const excluded = meta.features.filter((f) => excludedFeatures.has(f));
    if (excluded.length) {
      skippedCount++;
      for (const f of excluded) skippedByFeature.set(f, (skippedByFeature.get(f) ?? 0) + 1);
      continue;
    }
    const modeSkip = mode.skipReason?.(meta);
    if (modeSkip) {
      skippedByMode.set(modeSkip, (skippedByMode.get(modeSkip) ?? 0) + 1);
      continue;
    }
    tests.push({ path: t.rel, absPath: t.abs, meta });
  }

  // Run.
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'glass-test262-'));
  const cleanup = () => fs.rmSync(tmpDir, { recursive: true, force: true });
  process.on('SIGINT', () => { cleanup(); process.exit(130); });
  process.on('SIGTERM', () => { cleanup(); process.exit(143); });
  let id = 0;
  const ctx = { glass, timeoutMs: o.timeout * 1000, tmpDir, nextId: () => ++id, test262Root: root };
  const progress = makeProgress(tests.length, o.mode);
  let failing = 0;
  const started = Date.now();
  let variantResults;
  try {
    variantResults = await runPool(tests, o.jobs, (t) => mode.runTest(t, ctx), (t, res, done) => {
      if (res.some((v) => v.status !== 'pass')) failing++;
      progress.update(done, failing);
    });
  } finally {
    cleanup();
  }
  const seconds = (Date.now() - started) / 1000;
  const records = tests.map((t, i) => ({ ...t, variants: variantResults[i] }));

  // Compare with the expectations.
  const failures = [];
  const regressions = [];
  const newPasses = [];
  const crashes = [];
  const results = {};
  for (const rec of records) {
    for (const v of rec.variants) {
      const key = `${rec.path} ${v.variant}`;
      results[key] = v.status;
      const known = isExpectedFailure(expected, rec.path, v.variant);
      if (v.status === 'crash' || v.status === 'timeout') crashes.push(`${key}: ${v.detail}`);
      if (v.status !== 'pass') {
        failures.push({ path: rec.path, variant: v.variant, detail: v.detail });
        if (!known) regressions.push(`${key}: ${v.detail}`);
      } else if (known) newPasses.push(key);
    }
  }

  // Per-directory table.
  const rows = new Map();
  for (const rec of records) {
    const dir = dirKey(rec.path, o.depth);
    if (!rows.has(dir)) rows.set(dir, { dir, records: [] });
    rows.get(dir).records.push(rec);
  }
  const tableRows = [...rows.values()]
    .sort((a, b) => (a.dir < b.dir ? -1 : 1))
    .map((r) => {
      const s = mode.summarize(r.records);
      const crashesHere = r.records.filter((x) => x.variants.some((v) => v.status === 'crash' || v.status === 'timeout'));
      return { dir: r.dir, tests: r.records.length, passed: s.positivePass + s.negativePass, crashes: crashesHere.length, ...s };
    });
  console.log('');
  printTable(tableRows, mode.tableColumns);

  const list = (title, items, cap) => {
    if (!items.length) return;
    console.log(`\n${title} (${items.length}):`);
    for (const l of items.slice(0, cap)) console.log(`  ${l}`);
    if (items.length > cap) console.log(`  ... ${items.length - cap} more (--list-failures shows all)`);
  };
  const cap = o.listFailures ? Infinity : 50;
  if (o.listFailures) list('All failures', failures.map((f) => `${f.path} ${f.variant}: ${f.detail}`), cap);
  list('Crashes and timeouts', crashes, cap);
  if (!o.update) {
    list('NEW failures (not in expectations)', regressions, cap);
    list('NEW passes (listed as failing; run with --update to record)', newPasses, cap);
  }

  // Headline.
  const s = mode.summarize(records);
  console.log('');
  for (const line of mode.headline(s)) console.log(line);
  const variantCount = records.reduce((n, r) => n + r.variants.length, 0);
  console.log(`Crashes/timeouts:   ${crashes.length} variants`);
  console.log(`Ran ${tests.length} tests (${variantCount} variants) in ${seconds.toFixed(1)}s with ${o.jobs} jobs`);
  const featureList = [...skippedByFeature].sort((a, b) => b[1] - a[1]).map(([f, n]) => `${f} ${n}`);
  console.log(`Skipped: ${skippedCount} tests for excluded features${featureList.length ? ` (${featureList.join(', ')})` : ''}` +
    `${skippedByPath.length ? `, ${skippedByPath.length} under intl402/staging` : ''}` +
    `${skippedByMode.size ? `, ${[...skippedByMode].map(([r, n]) => `${n} flagged ${r}`).join(', ')}` : ''}`);

  if (o.save) {
    const saved = { mode: o.mode, glass, test262: commit ?? expected.commit, date: new Date().toISOString(), results };
    fs.writeFileSync(o.save, JSON.stringify(saved, null, 1) + '\n');
    console.log(`Saved results to ${o.save}`);
  }
  if (o.update) {
    // A new file takes the pin from parse-expectations.txt.
    const pinned = commit ?? expected.commit ?? readExpectations(path.join(HERE, 'parse-expectations.txt')).commit;
    writeExpectations(expFile, {
      commit: pinned, mode: o.mode, old: expected,
      ranPaths: new Set(records.map((r) => r.path)), failures,
    });
    console.log(`Updated ${path.relative(process.cwd(), expFile)} (${failures.length} failing variants from this run)`);
  } else if (regressions.length) {
    console.log(`${regressions.length} NEW failures: fix them, or record them with --update if expected`);
  } else if (newPasses.length) {
    console.log(`${newPasses.length} tests now pass that are listed as failing: run with --update to record`);
  }
  const passedVariants = variantCount - failures.length;
  console.log(`${passedVariants} passed, ${failures.length} failed`);
  return regressions.length && !o.update ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e.stack ?? e);
    process.exit(2);
  },
);
