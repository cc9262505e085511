// Runs each program of the tour with glass and compares its output with
// node's, checked in beside it (<name>.expected, regenerated with
// `node check.mjs --regenerate`, which runs node instead).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const dir = path.dirname(new URL(import.meta.url).pathname);
const regenerate = process.argv.includes('--regenerate');
const glass = process.argv[process.argv.indexOf('--glass') + 1];
if (!regenerate && !process.argv.includes('--glass')) throw new Error('usage: check.mjs --glass GLASS | --regenerate');
let failed = 0;
for (const file of fs.readdirSync(dir).filter((f) => /^\d.*\.js$/.test(f)).sort()) {
  const expected = path.join(dir, file.replace(/\.js$/, '.expected'));
  const out = execFileSync(regenerate ? process.execPath : glass, [path.join(dir, file)], { encoding: 'utf8' });
  if (regenerate) { fs.writeFileSync(expected, out); continue; }
  const ok = out === fs.readFileSync(expected, 'utf8');
  if (!ok) failed++;
  console.log(`${ok ? 'PASS' : 'FAIL'} ${file}`);
}
process.exit(failed ? 1 : 0);
