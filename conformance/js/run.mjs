#!/usr/bin/env node
// Runs the project's JavaScript corpus (cases/**/*.js) through glass and
// compares each case with the output Node 20 produced (see README.md).
//
//   node conformance/js/run.mjs [--glass PATH] [--gc-stress] [--update-known]
//        [-j N] [--timeout S] [-v] [filters...]
//
//   --glass PATH     the binary (default build/release/glass); any program that
//                    runs `PROG [--gc-stress] FILE` like `node FILE` works
//   --gc-stress      run `glass --gc-stress FILE` (collect at every allocation)
//   --update-known   rewrite known-failures.txt from this run
//   -j N             processes at once (default 2)
//   --timeout S      seconds per case (default 60, 900 with --gc-stress)
//   -v, --verbose    also show the diffs of known failures
//   filters          substrings of `area/name.js`; a case runs when it matches one
//
// A case passes when stdout equals <name>.expected, the exit code equals the
// one in <name>.status (0 without it), and, when .status has a `stderr:` line,
// the first line of stderr (minus an `Uncaught ` prefix) equals it.
// Exit status: 0 when every failing case is listed in known-failures.txt
// (listed cases that now pass are reported, not fatal), 1 when an unlisted
// case fails, 2 on a usage error.
import fs from 'node:fs';
import path from 'node:path';
import { runProcess, runPool } from '../test262/lib/pool.mjs';
import {
  JS_DIR, KNOWN_FAILURES, listCases, readExpectation, readKnownFailures, isKnownFailure, isGcStressSkipped,
  writeKnownFailures, lineDiff,
} from './lib/cases.mjs';

const REPO = path.resolve(JS_DIR, '../..');

function usage(message) {
  if (message) console.error(`run.mjs: ${message}`);
  console.error('usage: node conformance/js/run.mjs [--glass PATH] [--gc-stress] [--update-known] [-j N] [--timeout S] [-v] [filters...]');
  process.exit(2);
}

function parseArgs(argv) {
  const o = {
    glass: path.join(REPO, 'build/release/glass'), gcStress: false, updateKnown: false,
    jobs: 2, timeout: null, verbose: false, filters: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => (i + 1 < argv.length ? argv[++i] : usage(`${a} needs a value`));
    if (a === '--glass') o.glass = value();
    else if (a === '--gc-stress') o.gcStress = true;
    else if (a === '--update-known') o.updateKnown = true;
    else if (a === '-j' || a === '--jobs') o.jobs = Number(value());
    else if (a === '--timeout') o.timeout = Number(value());
    else if (a === '-v' || a === '--verbose') o.verbose = true;
    else if (a === '-h' || a === '--help') usage();
    else if (a.startsWith('-')) usage(`unknown option ${a}`);
    else o.filters.push(a);
  }
  if (o.timeout === null) o.timeout = o.gcStress ? 900 : 60;
  if (!(o.jobs >= 1) || !(o.timeout > 0)) usage('bad -j or --timeout');
  return o;
}

// The error line, as the CLI contract describes it: the first stderr line
// of the form `Name: message` (or just `Name`) whose Name ends in Error or
// Exception (after the location and source lines Node prints first).
function errorLineOf(stderr) {
  const lines = stderr.split('\n').map((l) => l.replace(/\r$/, ''));
  const found = lines.find((l) => /^(Uncaught )?([A-Za-z_$][\w$.]*)?(Error|Exception)( \[\w+\])?(:|$)/.test(l));
  const line = found === undefined ? lines[0] : found;
  return line.startsWith('Uncaught ') ? line.slice('Uncaught '.length) : line;
}

// Compares one run with the expectation: null when it passes, otherwise
// { reason, diff: [lines] }.
function judge(exp, r, timeoutS) {
  if (r.spawnError) return { reason: `cannot start glass: ${r.spawnError}`, diff: [] };
  if (r.timedOut) return { reason: `timed out after ${timeoutS}s`, kind: 'timeout', diff: [] };
  if (r.signal) return { reason: `glass crashed (killed by ${r.signal})`, kind: 'crash', diff: stderrExcerpt(r) };
  const problems = [];
  if (r.code !== exp.exit) problems.push(`exit ${r.code}, expected ${exp.exit}`);
  if (exp.stderr !== null && errorLineOf(r.stderr) !== exp.stderr) {
    problems.push(`first stderr line ${JSON.stringify(errorLineOf(r.stderr))}, expected ${JSON.stringify(exp.stderr)}`);
  }
  const stdoutDiffers = r.stdout !== exp.stdout;
  if (stdoutDiffers) problems.push('stdout differs');
  if (!problems.length) return null;
  const diff = stdoutDiffers ? ['--- expected stdout  +++ glass stdout', ...lineDiff(exp.stdout, r.stdout)] : [];
  // An unexpected nonzero exit: show what glass said.
  if (r.code !== exp.exit && r.code !== 0) diff.push(...stderrExcerpt(r));
  return { reason: problems.join('; '), diff };
}

function stderrExcerpt(r) {
  const lines = r.stderr.split('\n').filter((l) => l.trim());
  if (!lines.length) return [];
  return ['stderr:', ...lines.slice(0, 6).map((l) => `  ${l}`), ...(lines.length > 6 ? ['  ...'] : [])];
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const glass = path.resolve(o.glass);
  if (!fs.existsSync(glass)) usage(`no glass binary at ${glass} (build it, or pass --glass)`);
  const matching = listCases(o.filters);
  if (!matching.length) usage(`no case matches ${o.filters.join(' ')}`);
  const cases = o.gcStress ? matching.filter((c) => !isGcStressSkipped(c.file)) : matching;
  if (cases.length < matching.length) console.log(`${matching.length - cases.length} case(s) marked gc-stress-skip not run`);
  const known = readKnownFailures();
  const timeoutMs = o.timeout * 1000;
  const started = Date.now();
  const tty = process.stderr.isTTY;

  const results = await runPool(cases, o.jobs, async (c) => {
    const exp = readExpectation(c.file);
    if (!exp) return { failure: { reason: `no ${path.basename(c.file, '.js')}.expected (run regenerate.mjs)`, diff: [] } };
    const args = o.gcStress ? ['--gc-stress', c.file] : [c.file];
    const r = await runProcess(glass, args, { timeoutMs, cwd: path.dirname(c.file) });
    return { failure: judge(exp, r, o.timeout), ms: r.ms };
  }, (c, res, done) => {
    if (tty) process.stderr.write(`\r[js${o.gcStress ? ' gc-stress' : ''}] ${done}/${cases.length}\x1b[K${done === cases.length ? '\r\x1b[K' : ''}`);
  });

  const unexpected = [];
  const knownFailing = [];
  const nowPassing = [];
  const crashes = [];
  let passed = 0;
  cases.forEach((c, i) => {
    const { failure } = results[i];
    const listed = isKnownFailure(known, c.id, o.gcStress);
    if (failure?.kind) crashes.push(`${c.id}: ${failure.reason}`);
    if (!failure) {
      passed++;
      if (listed) nowPassing.push(c.id);
    } else if (listed) knownFailing.push({ id: c.id, failure });
    else unexpected.push({ id: c.id, failure });
  });

  const show = ({ id, failure }, label) => {
    console.log(`${label} ${id}: ${failure.reason}`);
    for (const l of failure.diff) console.log(`    ${l}`);
  };
  if (o.verbose) for (const f of knownFailing) show(f, 'known failure');
  if (!o.updateKnown) for (const f of unexpected) show(f, 'FAIL');
  if (crashes.length) {
    console.log(`\nCrashes and timeouts (${crashes.length}, listed or not):`);
    for (const l of crashes) console.log(`  ${l}`);
  }
  if (nowPassing.length && !o.updateKnown) {
    console.log(`\nNow pass, remove from known-failures.txt (or run with --update-known) (${nowPassing.length}):`);
    for (const id of nowPassing) console.log(`  ${id}`);
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\n${cases.length} cases${o.gcStress ? ' (--gc-stress)' : ''} in ${seconds}s: ${passed} passed, ` +
    `${knownFailing.length} known failures, ${unexpected.length} unexpected failures, ${nowPassing.length} listed but passing`);

  if (o.updateKnown) {
    const byId = new Map(cases.map((c, i) => [c.id, !results[i].failure]));
    const n = writeKnownFailures(known, byId, o.gcStress);
    console.log(`Updated ${path.relative(process.cwd(), KNOWN_FAILURES)} (${n} entries)`);
    return 0;
  }
  if (unexpected.length) console.log(`${unexpected.length} unexpected failures: fix them, or list them in known-failures.txt`);
  console.log(`${passed} passed, ${cases.length - passed} failed`);
  return unexpected.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e.stack ?? e);
    process.exit(2);
  },
);
