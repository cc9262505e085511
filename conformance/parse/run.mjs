#!/usr/bin/env node
// The project's own parse corpus: every .js/.mjs file under cases/ carries
// its expectation in a comment on its first line (the second when the first
// is a hashbang):
//
//   // expect: ok                                   glass --check exits 0
//   // expect: SyntaxError at 3:5                   exit 1, "SyntaxError" on stderr, error at line 3 column 5
//   // expect: SyntaxError: Unexpected token '}' at 3:5   ... and stderr holds "SyntaxError: Unexpected token '}'"
//
// .mjs files are checked as modules (--check --module), .js files as scripts.
// Columns are 1-based and count UTF-16 code units, as Node's do.
//
//   node conformance/parse/run.mjs --glass build/release/glass [FILTER]
//   node conformance/parse/run.mjs --oracle [--fill] [FILTER]
//
// --oracle checks the expectations against Node's own parser (V8) instead of
// glass: Node decides which inputs are errors. Files with a
// `// node-deviates: why` line are skipped there: they are the places where
// Node 20 differs from ES2025 and the verdict was written by hand. Positions
// started as V8's and were then chosen case by case (V8 sometimes points at
// an odd token; the rule is in README.md), so the oracle reports a position
// that differs from V8's as a note, not a failure. --fill writes Node's verdict
// and position into cases whose verdict disagrees or has no position yet.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CASES = path.join(HERE, 'cases');
const EXPECT_RE = /^\/\/ expect: (ok|SyntaxError)(?:: (.*?))?(?: at (\d+):(\d+))?\s*$/;

function parseArgs(argv) {
  const o = { glass: null, oracle: false, fill: false, filter: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--glass') o.glass = argv[++i];
    else if (argv[i] === '--oracle') o.oracle = true;
    else if (argv[i] === '--fill') o.fill = true;
    else if (!argv[i].startsWith('-')) o.filter = argv[i];
    else {
      console.error(`unknown option ${argv[i]}`);
      process.exit(2);
    }
  }
  if (!o.glass && !o.oracle) {
    console.error('usage: node conformance/parse/run.mjs --glass PATH [FILTER] | --oracle [--fill] [FILTER]');
    process.exit(2);
  }
  return o;
}

function listCases(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listCases(p));
    else if (/\.m?js$/.test(e.name)) out.push(p);
  }
  return out.sort();
}

// The expectation of one case, or an error string when the header is malformed.
export function readExpectation(text, { needPosition = true } = {}) {
  const lines = text.split('\n', 3);
  const idx = lines[0].startsWith('#!') ? 1 : 0;
  const m = EXPECT_RE.exec((lines[idx] ?? '').replace(/\r$/, ''));
  if (!m) return { bad: `line ${idx + 1} is not an "// expect: ..." comment` };
  if (m[1] === 'SyntaxError' && !m[3] && needPosition) return { bad: 'a SyntaxError expectation needs "at LINE:COL"' };
  return {
    lineIndex: idx,
    ok: m[1] === 'ok',
    message: m[2] ?? null,
    line: m[3] ? Number(m[3]) : null,
    column: m[4] ? Number(m[4]) : null,
    deviates: /^\/\/ node-deviates:/m.test(text),
  };
}

// --- what an engine did: { ok } or { ok: false, message, line, column, raw } ---

// glass: exit 0, or exit 1 with "file:line:column" and "SyntaxError: message" on stderr.
function runGlass(glass, file) {
  const args = file.endsWith('.mjs') ? ['--check', '--module', file] : ['--check', file];
  const r = spawnSync(glass, args, { encoding: 'utf8', timeout: 30000 });
  if (r.error) return { crash: `cannot run glass: ${r.error.message}` };
  if (r.signal) return { crash: `glass was killed by ${r.signal}` };
  if (r.status === 0) return { ok: true };
  const stderr = r.stderr ?? '';
  if (r.status !== 1 || !stderr.includes('SyntaxError')) {
    return { crash: `exit ${r.status} without a SyntaxError: ${stderr.trim().split('\n')[0] ?? ''}` };
  }
  const esc = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pos = new RegExp(`${esc}:(\\d+):(\\d+)`).exec(stderr);
  const msg = /SyntaxError: (.*)/.exec(stderr);
  return {
    ok: false,
    message: msg ? msg[1].trim() : '',
    line: pos ? Number(pos[1]) : null,
    column: pos ? Number(pos[2]) : null,
    raw: stderr,
  };
}

// V8 prints "file:LINE\n<source line>\n   ^^^\n\nSyntaxError: message":
// the column is where the first caret stands.
function fromV8Report(report) {
  const lines = report.split('\n');
  const line = Number(/:(\d+)$/.exec(lines[0])?.[1] ?? NaN);
  const caret = lines[2]?.indexOf('^') ?? -1;
  const msg = /SyntaxError: (.*)/.exec(report);
  return { ok: false, message: msg ? msg[1].trim() : '', line, column: caret >= 0 ? caret + 1 : null, raw: report };
}

// Node as the oracle. Scripts go through vm.Script (a real Script goal:
// `node --check file.js` wraps the file in a CommonJS function, so it would
// accept a top-level `return`). Modules go through `node --check file.mjs`.
function runNode(file) {
  if (file.endsWith('.mjs')) {
    const r = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8' });
    return r.status === 0 ? { ok: true } : fromV8Report(r.stderr);
  }
  try {
    new vm.Script(fs.readFileSync(file, 'utf8'), { filename: file });
    return { ok: true };
  } catch (e) {
    if (!(e instanceof SyntaxError)) throw e;
    return fromV8Report(String(e.stack));
  }
}

function describe(r) {
  if (r.crash) return r.crash;
  if (r.ok) return 'ok';
  return `SyntaxError: ${r.message} at ${r.line}:${r.column}`;
}

function compare(exp, got, { verdictOnly = false } = {}) {
  if (got.crash) return got.crash;
  if (exp.ok) return got.ok ? null : `expected ok, got ${describe(got)}`;
  if (got.ok) return `expected a SyntaxError at ${exp.line}:${exp.column}, but it parsed`;
  if (verdictOnly && exp.line !== null) return null;
  // V8 draws no caret at the end of the input and under some non-ASCII
  // characters; then only the line can be checked against Node.
  const columnDiffers = got.column !== null && got.column !== exp.column;
  if (got.line !== exp.line || columnDiffers) {
    return `expected a SyntaxError at ${exp.line}:${exp.column}, got ${describe(got)}`;
  }
  if (exp.message && got.message !== exp.message) {
    return `expected message "${exp.message}", got "${got.message}"`;
  }
  return null;
}

function main() {
  const o = parseArgs(process.argv.slice(2));
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const positionNotes = [];
  for (const file of listCases(CASES)) {
    const rel = path.relative(HERE, file);
    if (o.filter && !rel.includes(o.filter)) continue;
    const text = fs.readFileSync(file, 'utf8');
    const exp = readExpectation(text, { needPosition: !o.fill });
    if (exp.bad) {
      console.log(`FAIL ${rel}: ${exp.bad}`);
      failed++;
      continue;
    }
    if (o.oracle && exp.deviates) {
      skipped++;
      continue;
    }
    const got = o.oracle ? runNode(file) : runGlass(o.glass, file);
    const problem = compare(exp, got, { verdictOnly: o.oracle });
    if (o.oracle && !problem && !got.ok && (got.line !== exp.line || (got.column !== null && got.column !== exp.column))) {
      positionNotes.push(`${rel}: expected ${exp.line}:${exp.column}, V8 says ${got.line}:${got.column ?? '?'}`);
    }
    if (o.fill && problem && !got.crash && got.column !== null) {
      // Keep the message only when the file already pinned one.
      const header = got.ok ? '// expect: ok' : `// expect: SyntaxError at ${got.line}:${got.column}`;
      const lines = text.split('\n');
      lines[exp.lineIndex] = header;
      fs.writeFileSync(file, lines.join('\n'));
      const changed = exp.ok !== got.ok ? '   <-- the verdict changed, review this case' : '';
      console.log(`filled ${rel}: ${header}${changed}`);
      continue;
    }
    if (problem) {
      console.log(`FAIL ${rel}: ${problem}`);
      failed++;
    } else passed++;
  }
  if (positionNotes.length) {
    console.log(`note: ${positionNotes.length} error positions differ from V8's (chosen by hand):`);
    for (const n of positionNotes) console.log(`  ${n}`);
  }
  if (skipped) console.log(`(${skipped} cases marked node-deviates were not checked against Node)`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main();
