// Printing: the progress line while running, the per-directory table and
// the comparison of two saved result files.
import fs from 'node:fs';

// A progress line on stderr: rewritten in place on a terminal, one line every
// few seconds otherwise (so CI logs stay short).
export function makeProgress(total, label) {
  const tty = process.stderr.isTTY;
  const started = Date.now();
  let last = 0;
  return {
    update(done, failed) {
      const now = Date.now();
      if (done !== total && now - last < (tty ? 200 : 15000)) return;
      last = now;
      const secs = ((now - started) / 1000).toFixed(0);
      const line = `[${label}] ${done}/${total} tests, ${failed} failing, ${secs}s`;
      if (tty) process.stderr.write(`\r${line}\x1b[K${done === total ? '\n' : ''}`);
      else process.stderr.write(line + '\n');
    },
  };
}

// The directory a test is counted under: its first `depth` path parts
// (depth 3: test/language/expressions, test/built-ins/RegExp).
export function dirKey(testPath, depth) {
  const parts = testPath.split('/');
  return parts.slice(0, Math.min(depth, parts.length - 1)).join('/');
}

// rows: [{ dir, ...counts }]; columns: [{ title, value(row) }] added by the mode.
export function printTable(rows, columns) {
  const cols = [
    { title: 'directory', value: (r) => r.dir, left: true },
    { title: 'tests', value: (r) => String(r.tests) },
    ...columns,
    { title: 'crash/timeout', value: (r) => String(r.crashes) },
    { title: 'pass %', value: (r) => (r.tests ? ((100 * r.passed) / r.tests).toFixed(1) : '-') },
  ];
  const cells = rows.map((r) => cols.map((c) => c.value(r)));
  const widths = cols.map((c, i) => Math.max(c.title.length, ...cells.map((row) => row[i].length)));
  const fmt = (vals) =>
    vals.map((v, i) => (cols[i].left ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  ');
  console.log(fmt(cols.map((c) => c.title)));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of cells) console.log(fmt(row));
}

// `--diff old.json new.json`: what changed between two saved runs.
export function diffResults(oldFile, newFile) {
  const a = JSON.parse(fs.readFileSync(oldFile, 'utf8'));
  const b = JSON.parse(fs.readFileSync(newFile, 'utf8'));
  const fixed = [];
  const broken = [];
  const added = [];
  const removed = [];
  for (const [key, status] of Object.entries(b.results)) {
    const before = a.results[key];
    if (before === undefined) added.push(`${key} (${status})`);
    else if (before !== 'pass' && status === 'pass') fixed.push(`${key} (was ${before})`);
    else if (before === 'pass' && status !== 'pass') broken.push(`${key} (${status})`);
  }
  for (const key of Object.keys(a.results)) if (!(key in b.results)) removed.push(key);
  const count = (r) => Object.values(r.results).filter((s) => s === 'pass').length;
  console.log(`old: ${oldFile}  ${count(a)}/${Object.keys(a.results).length} variants pass  (${a.glass ?? '?'}, ${a.date ?? '?'})`);
  console.log(`new: ${newFile}  ${count(b)}/${Object.keys(b.results).length} variants pass  (${b.glass ?? '?'}, ${b.date ?? '?'})`);
  const section = (title, list) => {
    if (!list.length) return;
    console.log(`\n${title} (${list.length}):`);
    for (const l of list.sort()) console.log(`  ${l}`);
  };
  section('Now failing (regressions)', broken);
  section('Now passing', fixed);
  section('Only in new', added);
  section('Only in old', removed);
  console.log(`\n${broken.length} regressions, ${fixed.length} fixed`);
  return broken.length ? 1 : 0;
}
