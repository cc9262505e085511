#!/usr/bin/env node
// Records each REPL case's transcript from `node -i` (Node 20); cases whose
// .expected is hand-written are left alone.
//   node conformance/repl/regenerate.mjs [filters...]
import fs from 'node:fs';
import { listCases, runCase } from './lib.mjs';

if (!process.version.startsWith('v20.')) console.warn(`regenerate.mjs: expected Node 20, running ${process.version}`);
for (const c of listCases(process.argv.slice(2))) {
  if (fs.existsSync(c.expected) && fs.readFileSync(c.expected, 'utf8').startsWith('# hand-written')) {
    console.log(`${c.id}: hand-written, kept`);
    continue;
  }
  const r = runCase(process.execPath, c);
  fs.writeFileSync(c.expected, r.text);
  console.log(`${c.id}: recorded`);
}
