// Bookkeeping as text files: the known failures of a mode
// (`<mode>-expectations.txt`) and the excluded features
// (`features-excluded.txt`).
//
// Expectations format:
//   # test262 <commit>                 first line: the pinned test262 commit
//   # any comment
//   test/language/foo.js strict        one variant known to fail
//   test/language/bar.js               every variant of that test known to fail
//   test/built-ins/RegExp/property-escapes/**   a glob (kept by --update while it matches)
import fs from 'node:fs';

// `**` crosses directories, `*` and `?` do not.
export function globToRegExp(glob) {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
      if (glob[i + 1] === '/') i++;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

export const isGlob = (s) => /[*?]/.test(s);

// Lines without comments: `name  # why` -> "name".
function contentLines(text) {
  return text
    .split('\n')
    .map((l) => l.replace(/(^|\s)#.*$/, '').trim())
    .filter(Boolean);
}

export function readFeatureExclusions(file) {
  return new Set(contentLines(fs.readFileSync(file, 'utf8')));
}

export function readExpectations(file) {
  const exp = { commit: null, exact: new Set(), wholeTests: new Set(), globs: [] };
  if (!fs.existsSync(file)) return exp;
  const text = fs.readFileSync(file, 'utf8');
  const m = /^#\s*test262\s+([0-9a-f]{7,40})/.exec(text);
  if (m) exp.commit = m[1];
  // Comment lines right above a glob say why it is there; --update keeps them
  // with it (a blank line separates them from the header).
  let comments = [];
  for (const rawLine of text.split('\n').slice(1)) {
    if (/^\s*#/.test(rawLine)) {
      comments.push(rawLine);
      continue;
    }
    const line = rawLine.replace(/(^|\s)#.*$/, '').trim();
    const why = comments;
    comments = [];
    if (!line) continue;
    const [p, variant] = line.split(/\s+/);
    if (isGlob(p)) exp.globs.push({ line: rawLine, why, re: globToRegExp(p), variant: variant ?? null });
    else if (variant) exp.exact.add(`${p} ${variant}`);
    else exp.wholeTests.add(p);
  }
  return exp;
}

// Is this `path variant` a known failure?
export function isExpectedFailure(exp, testPath, variant) {
  if (exp.exact.has(`${testPath} ${variant}`) || exp.wholeTests.has(testPath)) return true;
  return exp.globs.some((g) => g.re.test(testPath) && (!g.variant || g.variant === variant));
}

// What --rerun-failures runs: the paths and globs the file names.
export function listedPaths(exp) {
  const set = new Set(exp.wholeTests);
  for (const key of exp.exact) set.add(key.split(' ')[0]);
  for (const g of exp.globs) set.add(g.line.trim().split(/\s+/)[0]);
  return [...set].sort();
}

// Rewrites the file from this run's failures. Entries for tests this run
// did not touch are kept (so updating after a partial run loses nothing);
// globs are kept while they still match a failure.
export function writeExpectations(file, { commit, mode, old, ranPaths, failures }) {
  const keep = new Set();
  for (const key of old.exact) if (!ranPaths.has(key.split(' ')[0])) keep.add(key);
  for (const p of old.wholeTests) if (!ranPaths.has(p)) keep.add(p);
  const globsKept = old.globs.filter((g) =>
    failures.some((f) => g.re.test(f.path) && (!g.variant || g.variant === f.variant)),
  );
  for (const f of failures) {
    const coveredByGlob = globsKept.some((g) => g.re.test(f.path) && (!g.variant || g.variant === f.variant));
    if (!coveredByGlob) keep.add(`${f.path} ${f.variant}`);
  }
  const lines = [
    `# test262 ${commit ?? 'unknown'}`,
    `# Known ${mode}-mode failures of glass: \`path variant\` per line (variant: sloppy, strict or module),`,
    `# sorted. Rewritten by: node conformance/test262/run.mjs --mode ${mode} --update`,
    '',
    ...globsKept.flatMap((g) => [...g.why, g.line]),
    ...[...keep].sort(),
  ];
  fs.writeFileSync(file, lines.join('\n') + '\n');
}
