// Execution mode: run each test with its harness through the test262 host of
// glass (shared/CLI-CONTRACT.md):
//
//   glass --test262 --include H/assert.js --include H/sta.js [--include ...] [--module] FILE
//
// Includes (absolute paths, evaluated as global Scripts in this order):
// harness/assert.js, harness/sta.js, harness/doneprintHandle.js for
// `flags: [async]`, then the test's own `includes:`. A `raw` test gets none.
//
// Variants follow the flags (INTERPRETING.md, "Strict Mode"), as in parse mode:
//   module               -> `--module FILE`                   variant "module"
//   onlyStrict           -> strict copy only                  variant "strict"
//   noStrict, raw        -> the file as it is                 variant "sloppy"
//   otherwise            -> both                              "sloppy" and "strict"
// The strict copy is the test with `"use strict";` put in front of its first
// line (not on a line of its own, so every line keeps its number in error
// positions and stacks). It is written to a folder of its own under the run's
// temporary folder with the test's own file name; when the test loads
// fixtures (`import('./x_FIXTURE.js')`), the folder also gets symlinks to the
// `*_FIXTURE*` files beside the test, since `./` resolves against the
// script's folder.
//
// A variant passes when
//   - positive test: glass exits 0, and for `async` tests stdout has the line
//     `Test262:AsyncTestComplete` (and no `Test262:AsyncTestFailure:`);
//   - negative test (`negative: {phase, type}`): glass exits nonzero and
//     names the expected error type in its uncaught-error report: a
//     `Test262:Uncaught:<phase>:Type...` line, else the first stderr line
//     shaped `Type: ...` / `Uncaught Type: ...` (Type ending in "Error"), else
//     an async `Test262:AsyncTestFailure:Type...` line on stdout. When glass prints the
//     `Test262:Uncaught:<phase>:` line, its phase must agree too (parse ->
//     parse; resolution -> module or parse; runtime -> runtime, or module for
//     a module test).
import fs from 'node:fs';
import path from 'node:path';
import { runProcess } from './pool.mjs';

export const name = 'exec';

export function variantsFor(meta) {
  if (meta.flags.has('module')) return ['module'];
  if (meta.flags.has('onlyStrict')) return ['strict'];
  if (meta.flags.has('noStrict') || meta.flags.has('raw')) return ['sloppy'];
  return ['sloppy', 'strict'];
}

// Tests this host never runs, with the reason counted in the report.
// glass's main thread can block (Atomics.wait works, as in Node), so tests
// written for hosts where it cannot are skipped.
export function skipReason(meta) {
  if (meta.flags.has('CanBlockIsFalse')) return 'CanBlockIsFalse';
  return null;
}

export function harnessFiles(meta, root) {
  if (meta.flags.has('raw')) return [];
  const names = ['assert.js', 'sta.js'];
  if (meta.flags.has('async')) names.push('doneprintHandle.js');
  for (const inc of meta.includes) if (!names.includes(inc)) names.push(inc);
  return names.map((n) => path.join(root, 'harness', n));
}

const PHASES_OK = {
  parse: ['parse', 'module'],
  resolution: ['module', 'parse', 'resolution'],
  runtime: ['runtime', 'module'],
};

// What the uncaught-error report says: { type, phase } (either may be null).
// The type comes from the `Test262:Uncaught:<phase>:` line when there is one,
// else from the first stderr line shaped `[Uncaught ]SomeError[: ...]` (so a
// `file:line:col` line in front, as `--check` prints, does no harm), else from
// an async failure line on stdout.
export function uncaughtReport(r) {
  let type = null;
  let phase = null;
  const typeOf = (s) => /^(?:Uncaught )?([A-Za-z_$][\w$]*)(?::|\s*$)/.exec(s.trim())?.[1] ?? null;
  for (const line of r.stderr.split('\n')) {
    const m = /^Test262:Uncaught:(\w+):(.*)$/.exec(line);
    if (m) {
      phase = phase ?? m[1];
      type = type ?? typeOf(m[2]);
    }
  }
  if (!type) {
    const errorLine = r.stderr.split('\n').find((l) => /^(?:Uncaught )?[A-Za-z_$][\w$]*Error(?::|\s*$)/.test(l.trim()));
    if (errorLine) type = typeOf(errorLine);
  }
  const asyncFailure = /^Test262:AsyncTestFailure:(.*)$/m.exec(r.stdout);
  if (!type && asyncFailure) type = typeOf(asyncFailure[1]);
  return { type, phase };
}

function firstErrorLine(r) {
  const lines = r.stderr.split('\n').map((l) => l.trim()).filter(Boolean);
  const err = lines.find((l) => /^(Uncaught )?[A-Za-z_$][\w$]*(Error|Exception)\b/.test(l)) ??
    lines.find((l) => !l.startsWith('Test262:')) ?? lines[0] ?? '';
  return err.slice(0, 200);
}

// Classifies one process: { status: pass|fail|crash|timeout, detail }.
export function judge(meta, variant, r) {
  if (r.timedOut) return { status: 'timeout', detail: 'timed out' };
  if (r.spawnError) return { status: 'fail', detail: `cannot start glass: ${r.spawnError}` };
  if (r.signal) return { status: 'crash', detail: `killed by ${r.signal}` };
  const neg = meta.negative;
  if (neg) {
    if (r.code === 0) return { status: 'fail', detail: `exit 0, expected ${neg.type} (${neg.phase})` };
    const { type, phase } = uncaughtReport(r);
    if (type !== neg.type) {
      return { status: 'fail', detail: `exit ${r.code}: expected ${neg.type} (${neg.phase}), got ${type ?? 'no error line'}: ${firstErrorLine(r)}` };
    }
    const allowed = PHASES_OK[neg.phase] ?? [neg.phase];
    if (phase && !allowed.includes(phase)) {
      return { status: 'fail', detail: `${type} in phase ${phase}, expected phase ${neg.phase}` };
    }
    return { status: 'pass', detail: '' };
  }
  if (r.code !== 0) {
    const asyncFailure = /^Test262:AsyncTestFailure:(.*)$/m.exec(r.stdout);
    return { status: 'fail', detail: `exit ${r.code}: ${asyncFailure ? asyncFailure[1].slice(0, 200) : firstErrorLine(r)}` };
  }
  if (meta.flags.has('async')) {
    const asyncFailure = /^Test262:AsyncTestFailure:(.*)$/m.exec(r.stdout);
    if (asyncFailure) return { status: 'fail', detail: `async failure: ${asyncFailure[1].slice(0, 200)}` };
    if (!/^Test262:AsyncTestComplete\r?$/m.test(r.stdout)) return { status: 'fail', detail: 'async test did not print Test262:AsyncTestComplete' };
  }
  return { status: 'pass', detail: '' };
}

// The strict copy: `"use strict";` + the test, in a folder of its own.
function writeStrictCopy(test, ctx) {
  const dir = path.join(ctx.tmpDir, String(ctx.nextId()));
  fs.mkdirSync(dir);
  const file = path.join(dir, path.basename(test.absPath));
  const source = fs.readFileSync(test.absPath);
  fs.writeFileSync(file, Buffer.concat([Buffer.from('"use strict";'), source]));
  if (source.includes('FIXTURE') || source.includes('import(')) {
    const from = path.dirname(test.absPath);
    for (const f of fs.readdirSync(from)) {
      if (f.includes('_FIXTURE')) fs.symlinkSync(path.join(from, f), path.join(dir, f));
    }
  }
  return { file, dir };
}

// Runs every variant of one test. `ctx` = { glass, timeoutMs, tmpDir, nextId, test262Root }.
// Resolves with [{ variant, status, detail }].
export async function runTest(test, ctx) {
  const includes = harnessFiles(test.meta, ctx.test262Root);
  const missing = includes.find((f) => !fs.existsSync(f));
  const out = [];
  for (const variant of variantsFor(test.meta)) {
    if (missing) {
      out.push({ variant, status: 'fail', detail: `missing harness file ${path.basename(missing)}` });
      continue;
    }
    let file = test.absPath;
    let copy = null;
    if (variant === 'strict') {
      copy = writeStrictCopy(test, ctx);
      file = copy.file;
    }
    const args = ['--test262', ...includes.flatMap((f) => ['--include', f])];
    if (variant === 'module') args.push('--module');
    args.push(file);
    const r = await runProcess(ctx.glass, args, { timeoutMs: ctx.timeoutMs, cwd: path.dirname(file) });
    if (copy) fs.rmSync(copy.dir, { recursive: true, force: true });
    out.push({ variant, ...judge(test.meta, variant, r) });
  }
  return out;
}

// Counts tests (a test passes when every variant passes): overall, positive
// and negative, and per top folder (test/language, test/built-ins, test/annexB).
export function summarize(records) {
  const s = { tests: 0, passed: 0, positive: 0, positivePass: 0, negative: 0, negativePass: 0, roots: new Map() };
  for (const rec of records) {
    const ok = rec.variants.every((v) => v.status === 'pass');
    const root = rec.path.split('/').slice(0, 2).join('/');
    if (!s.roots.has(root)) s.roots.set(root, { tests: 0, passed: 0 });
    const r = s.roots.get(root);
    s.tests++;
    r.tests++;
    if (ok) {
      s.passed++;
      r.passed++;
    }
    if (rec.meta.negative) {
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
  const order = ['test/language', 'test/built-ins', 'test/annexB'];
  const roots = [...s.roots.keys()].sort((a, b) => {
    const ia = order.indexOf(a) < 0 ? 99 : order.indexOf(a);
    const ib = order.indexOf(b) < 0 ? 99 : order.indexOf(b);
    return ia - ib || (a < b ? -1 : 1);
  });
  const width = Math.max(0, ...roots.map((r) => r.length)) + 1;
  return [
    ...roots.map((root) => {
      const r = s.roots.get(root);
      return `${`${root}:`.padEnd(width)}  ${r.passed} / ${r.tests} tests pass in every variant (${pct(r.passed, r.tests)}%)`;
    }),
    `${'all:'.padEnd(width)}  ${s.passed} / ${s.tests} tests (${pct(s.passed, s.tests)}%); ` +
      `positive ${s.positivePass} / ${s.positive}, negative ${s.negativePass} / ${s.negative}`,
  ];
}

export const tableColumns = [
  { title: 'pass', value: (row) => `${row.positivePass + row.negativePass}/${row.tests}` },
  { title: 'negative', value: (row) => `${row.negativePass}/${row.negative}` },
];
