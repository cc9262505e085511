// What conformance/node's runner and regenerator share: the case list and
// how one case is run. A case is cases/<name>.js (fixtures/ holds files the
// cases require, never run on their own) with, beside it, <name>.expected
// (stdout of `node <name>.js`) and <name>.status when it exits nonzero
// (`exit: N` and `stderr: <first line of the uncaught error>`), the same
// format as conformance/js (see ../js/lib/cases.mjs).
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const NODE_DIR = path.dirname(fileURLToPath(import.meta.url));
export const CASES_DIR = path.join(NODE_DIR, 'cases');

export function listCases(filters = []) {
  return fs.readdirSync(CASES_DIR)
    .filter((n) => n.endsWith('.js'))
    .sort()
    .map((n) => ({ id: n, file: path.join(CASES_DIR, n) }))
    .filter((c) => !filters.length || filters.some((f) => c.id.includes(f)));
}

// Runs `program file` in the cases directory; returns { stdout, exit, stderrLine }.
export function runCase(program, args, file, timeoutSeconds = 60) {
  const r = spawnSync(program, [...args, file], { cwd: CASES_DIR, encoding: 'utf8', timeout: timeoutSeconds * 1000 });
  const stderr = r.stderr || '';
  const first = stderr.split('\n').find((l) => /^(Uncaught )?[A-Za-z]*Error\b/.test(l) || /^Uncaught /.test(l));
  return {
    stdout: r.stdout || '',
    exit: r.status === null ? `signal ${r.signal}` : r.status,
    stderrLine: first ? first.replace(/^Uncaught /, '') : null,
    stderr,
  };
}
