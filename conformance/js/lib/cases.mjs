// What the JS corpus runner and regenerate.mjs share: finding cases, reading
// and writing their expectations, the known-failures file, and a line diff.
//
// A case is cases/<area>/<name>.js with, beside it:
//   <name>.expected   stdout of `node <name>.js` (Node 20), byte for byte
//   <name>.status     only when the script does not exit 0, two lines:
//                       exit: 1
//                       stderr: Error: boom
//                     `stderr` is the first line of String(error) of the
//                     uncaught exception (CLI-CONTRACT.md: glass prints it
//                     first on stderr, optionally prefixed by "Uncaught ").
// A case whose first lines hold `// node-deviates: why` has a hand-written
// .expected (Node 20 lacks the feature); regenerate.mjs leaves it alone.
// One with `// gc-stress-skip: why` is not run under --gc-stress.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const JS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CASES_DIR = path.join(JS_DIR, 'cases');
export const KNOWN_FAILURES = path.join(JS_DIR, 'known-failures.txt');

// Every case as { id: 'area/name.js', file: absolute path }, sorted by id.
// Filters are substrings of the id (`classes/`, `private`); a case is kept
// when it matches any of them.
export function listCases(filters = []) {
  const out = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.js')) out.push(p);
    }
  };
  walk(CASES_DIR);
  return out
    .map((file) => ({ id: path.relative(CASES_DIR, file).split(path.sep).join('/'), file }))
    .filter((c) => !filters.length || filters.some((f) => c.id.includes(f)))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

const sidecar = (file, ext) => file.replace(/\.js$/, ext);

const header = (file) => fs.readFileSync(file, 'utf8').split('\n').slice(0, 3).join('\n');

export function isNodeDeviating(file) {
  return /^\/\/ node-deviates:/m.test(header(file));
}

// A case whose first lines hold `// gc-stress-skip: why` is too big to run
// with a collection at every allocation (a million nested arrays); a smaller
// twin covers the same code under --gc-stress.
export function isGcStressSkipped(file) {
  return /^\/\/ gc-stress-skip:/m.test(header(file));
}

// { stdout, exit, stderr } where stderr is the expected error line or null;
// null when the .expected file is missing.
export function readExpectation(file) {
  const exp = sidecar(file, '.expected');
  if (!fs.existsSync(exp)) return null;
  const result = { stdout: fs.readFileSync(exp, 'utf8'), exit: 0, stderr: null };
  const st = sidecar(file, '.status');
  if (fs.existsSync(st)) {
    for (const line of fs.readFileSync(st, 'utf8').split('\n')) {
      const m = /^(exit|stderr): ?(.*)$/.exec(line);
      if (m && m[1] === 'exit') result.exit = Number(m[2]);
      else if (m) result.stderr = m[2];
    }
  }
  return result;
}

export function writeExpectation(file, { stdout, exit, stderr }) {
  fs.writeFileSync(sidecar(file, '.expected'), stdout);
  const st = sidecar(file, '.status');
  if (exit === 0 && stderr === null) fs.rmSync(st, { force: true });
  else fs.writeFileSync(st, `exit: ${exit}\n${stderr !== null ? `stderr: ${stderr}\n` : ''}`);
}

// --- known-failures.txt -------------------------------------------------------
// Leading `#` lines are the header (kept by --update-known). Then one case id
// per line, optionally followed by the tag `gc-stress` (the case fails only
// under --gc-stress) and a `# comment` (kept while the line stays).

export function readKnownFailures(file = KNOWN_FAILURES) {
  const known = { header: [], entries: new Map() }; // id -> { gcStressOnly, comment }
  if (!fs.existsSync(file)) return known;
  let inHeader = true;
  for (const raw of fs.readFileSync(file, 'utf8').split('\n')) {
    if (inHeader && (raw.startsWith('#') || (raw.trim() === '' && known.header.length))) {
      known.header.push(raw);
      continue;
    }
    inHeader = false;
    const hash = raw.search(/(^|\s)#/);
    const comment = hash >= 0 ? raw.slice(hash).trim() : '';
    const body = (hash >= 0 ? raw.slice(0, hash) : raw).trim();
    if (!body) continue;
    const [id, tag] = body.split(/\s+/);
    known.entries.set(id, { gcStressOnly: tag === 'gc-stress', comment });
  }
  while (known.header.length && known.header.at(-1).trim() === '') known.header.pop();
  return known;
}

export function isKnownFailure(known, id, gcStress) {
  const e = known.entries.get(id);
  return !!e && (!e.gcStressOnly || gcStress);
}

// Rewrites the file from one run. `results`: Map id -> passed (boolean) for
// the cases that ran; entries of cases that did not run are kept. A normal run
// owns the untagged lines (and drops a `gc-stress` line whose case now fails
// without stress anyway); a --gc-stress run keeps the untagged lines and owns
// the `gc-stress` ones.
export function writeKnownFailures(known, results, gcStress, file = KNOWN_FAILURES) {
  const next = new Map();
  for (const [id, e] of known.entries) if (!results.has(id)) next.set(id, e);
  for (const [id, passed] of results) {
    const old = known.entries.get(id);
    if (gcStress) {
      if (old && !old.gcStressOnly) next.set(id, old); // a normal-run failure stays listed as such
      else if (!passed) next.set(id, { gcStressOnly: true, comment: old?.comment ?? '' });
    } else {
      if (!passed) next.set(id, { gcStressOnly: false, comment: old && !old.gcStressOnly ? old.comment : '' });
      else if (old && old.gcStressOnly) next.set(id, old); // passes normally, still listed for stress
    }
  }
  const header = known.header.length ? known.header : defaultHeader();
  const lines = [...next.keys()].sort().map((id) => {
    const e = next.get(id);
    return `${id}${e.gcStressOnly ? ' gc-stress' : ''}${e.comment ? `  ${e.comment}` : ''}`;
  });
  fs.writeFileSync(file, [...header, '', ...lines].join('\n') + '\n');
  return next.size;
}

function defaultHeader() {
  return [
    '# Cases of conformance/js/cases that glass does not pass yet: one case per line,',
    '# relative to cases/. `ID gc-stress` = fails only under --gc-stress. See README.md.',
    '# Rewritten by: node conformance/js/run.mjs --glass PATH [--gc-stress] --update-known',
  ];
}

// --- a small line diff (LCS), for failure reports -----------------------------

// Returns lines prefixed with ' ', '-' (expected only) or '+' (actual only),
// with at most `context` unchanged lines around each change.
export function lineDiff(expected, actual, { context = 2, maxLines = 60 } = {}) {
  const a = expected.split('\n');
  const b = actual.split('\n');
  if (a.length * b.length > 4e6) {
    // Too big for the table: show where they start to differ.
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return [`(outputs differ from line ${i + 1})`, `-${a[i] ?? '<end of output>'}`, `+${b[i] ?? '<end of output>'}`];
  }
  // lcs[i][j] = length of the LCS of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const ops = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push(` ${a[i]}`);
      i++;
      j++;
    } else if (i < a.length && (j === b.length || lcs[i + 1][j] >= lcs[i][j + 1])) ops.push(`-${a[i++]}`);
    else ops.push(`+${b[j++]}`);
  }
  // Keep changed lines and their context.
  const keep = new Array(ops.length).fill(false);
  ops.forEach((l, k) => {
    if (l[0] !== ' ') for (let d = -context; d <= context; d++) if (k + d >= 0 && k + d < ops.length) keep[k + d] = true;
  });
  const out = [];
  let skipped = false;
  ops.forEach((l, k) => {
    if (keep[k]) {
      out.push(l);
      skipped = false;
    } else if (!skipped) {
      out.push('  ...');
      skipped = true;
    }
  });
  if (out.length > maxLines) return [...out.slice(0, maxLines), `  ... (${out.length - maxLines} more diff lines)`];
  return out;
}
