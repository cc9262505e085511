// Parse mode: does glass accept what it must accept and reject what it must
// reject, without running anything (`glass --check`)?
//
// Variants follow the test's flags (INTERPRETING.md, "Strict Mode"):
//   module               -> `--check --module FILE`          variant "module"
//   onlyStrict           -> strict copy only                  variant "strict"
//   noStrict, raw        -> the file as it is                 variant "sloppy"
//   otherwise            -> both                              "sloppy" and "strict"
// The strict copy is the test's own source with `"use strict";\n` in front
// (no harness files: those matter only when running).
//
// A test is expected to parse unless it is negative with phase "parse";
// negative resolution/runtime tests are valid source and must parse.
import fs from 'node:fs';
import path from 'node:path';
import { runProcess } from './pool.mjs';

export const name = 'parse';

export function variantsFor(meta) {
  if (meta.flags.has('module')) return ['module'];
  if (meta.flags.has('onlyStrict')) return ['strict'];
  if (meta.flags.has('noStrict') || meta.flags.has('raw')) return ['sloppy'];
  return ['sloppy', 'strict'];
}

export function expectsParseError(meta) {
  return meta.negative?.phase === 'parse';
}

// What one `glass --check` process did.
//   parsed    exit 0
//   rejected  exit 1 with "SyntaxError" on stderr
//   crash     killed by a signal (glass itself failed)
//   timeout   still running at the deadline (killed)
//   error     anything else: another exit code, exit 1 without a SyntaxError,
//             or glass could not be started
export function classifyProcess(r) {
  if (r.timedOut) return 'timeout';
  if (r.spawnError) return 'error';
  if (r.signal) return 'crash';
  if (r.code === 0) return 'parsed';
  if (r.code === 1 && r.stderr.includes('SyntaxError')) return 'rejected';
  return 'error';
}

// The line of stderr worth showing in a failure list.
function detailOf(r, outcome) {
  if (outcome === 'timeout') return 'timed out';
  if (outcome === 'crash') return `killed by ${r.signal}`;
  if (r.spawnError) return `cannot start glass: ${r.spawnError}`;
  const lines = r.stderr.split('\n').map((l) => l.trim()).filter(Boolean);
  const err = lines.find((l) => /^(Uncaught )?\w*Error\b/.test(l)) ?? lines[0] ?? '';
  const where = lines[0] && lines[0] !== err ? ` (${path.basename(lines[0])})` : '';
  return `exit ${r.code}: ${err.slice(0, 200)}${where}`;
}

// Runs every variant of one test. `ctx` = { glass, timeoutMs, tmpDir, nextId }.
// Resolves with [{ variant, status, outcome, detail }], status being
// pass | fail | crash | timeout.
export async function runTest(test, ctx) {
  const wantError = expectsParseError(test.meta);
  const out = [];
  for (const variant of variantsFor(test.meta)) {
    let file = test.absPath;
    let tmp = null;
    if (variant === 'strict') {
      // Keep a .js name: glass treats .mjs as a module whatever the flags say.
      tmp = path.join(ctx.tmpDir, `${ctx.nextId()}-${path.basename(test.absPath, '.js')}.js`);
      fs.writeFileSync(tmp, Buffer.concat([Buffer.from('"use strict";\n'), fs.readFileSync(test.absPath)]));
      file = tmp;
    }
    const args = variant === 'module' ? ['--check', '--module', file] : ['--check', file];
    const r = await runProcess(ctx.glass, args, { timeoutMs: ctx.timeoutMs });
    if (tmp) fs.rmSync(tmp, { force: true });
    const outcome = classifyProcess(r);
    let status;
    if (outcome === 'crash' || outcome === 'timeout') status = outcome;
    else status = (wantError ? outcome === 'rejected' : outcome === 'parsed') ? 'pass' : 'fail';
    const detail =
      status === 'pass' ? '' : outcome === 'parsed' ? 'parsed, but a SyntaxError was expected' : detailOf(r, outcome);
    out.push({ variant, status, outcome, detail });
  }
  return out;
}

// The headline numbers: tests (not variants), a test passing when every
// variant passes.
export function summarize(records) {
  const s = { positive: 0, positivePass: 0, negative: 0, negativePass: 0 };
  for (const rec of records) {
    const ok = rec.variants.every((v) => v.status === 'pass');
    if (expectsParseError(rec.meta)) {
      s.negative++;
      if (ok) s.negativePass++;
    } else {
      s.positive++;
      if (ok) s.positivePass++;
    }
  }
  return s;
}

export function headline(s) {
  const pct = (a, b) => (b ? ((100 * a) / b).toFixed(2) : '0.00');
  return [
    `Expected to parse:  ${s.positivePass} / ${s.positive} parse in every variant (${pct(s.positivePass, s.positive)}%)`,
    `Negative (parse):   ${s.negativePass} / ${s.negative} rejected with a SyntaxError in every variant (${pct(s.negativePass, s.negative)}%)`,
  ];
}

// Columns of the per-directory table for this mode.
export const tableColumns = [
  { title: 'parse ok', value: (row) => `${row.positivePass}/${row.positive}` },
  { title: 'rejected', value: (row) => `${row.negativePass}/${row.negative}` },
];
