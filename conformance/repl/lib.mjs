// What the REPL golden runner and regenerator share: the cases and how one runs.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPL_DIR = path.dirname(fileURLToPath(import.meta.url));
export const CASES_DIR = path.join(REPL_DIR, 'cases');

export function listCases(filters = []) {
  return fs.readdirSync(CASES_DIR).filter((n) => n.endsWith('.in')).sort()
    .map((n) => ({ id: n.slice(0, -3), input: path.join(CASES_DIR, n), expected: path.join(CASES_DIR, n.replace(/\.in$/, '.expected')) }))
    .filter((c) => !filters.length || filters.some((f) => c.id.includes(f)));
}

// stdout of `program -i < case.in`, with the welcome lines made Glass's.
export function runCase(program, c) {
  const r = spawnSync(program, ['-i'], {
    cwd: CASES_DIR, input: fs.readFileSync(c.input), encoding: 'utf8', timeout: 60000,
    env: { ...process.env, NODE_REPL_HISTORY: '', GLASS_REPL_HISTORY: '', NO_COLOR: '1' },
  });
  const lines = (r.stdout || '').split('\n');
  return { text: lines.slice(2).join('\n'), status: r.status, stderr: r.stderr };
}
