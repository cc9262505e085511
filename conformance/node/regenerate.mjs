#!/usr/bin/env node
// Records what Node 20 prints for each conformance/node case: <name>.expected
// (stdout) and, when it exits nonzero, <name>.status.
//
//   node conformance/node/regenerate.mjs [filters...]
import fs from 'node:fs';
import { listCases, runCase } from './lib.mjs';

if (!process.version.startsWith('v20.')) console.warn(`regenerate.mjs: expected Node 20, running ${process.version}`);
for (const c of listCases(process.argv.slice(2))) {
  // A case whose first lines say `node-deviates:` has a hand-written .expected
  // (Glass follows a newer Node there); it is left alone.
  if (fs.readFileSync(c.file, 'utf8').split('\n').slice(0, 3).some((l) => l.includes('node-deviates:'))) {
    console.log(`${c.id}: node-deviates, kept`);
    continue;
  }
  const r = runCase(process.execPath, [], c.file);
  fs.writeFileSync(c.file.replace(/\.m?js$/, '.expected'), r.stdout);
  const statusFile = c.file.replace(/\.m?js$/, '.status');
  if (r.exit !== 0) fs.writeFileSync(statusFile, `exit: ${r.exit}\n` + (r.stderrLine ? `stderr: ${r.stderrLine}\n` : ''));
  else if (fs.existsSync(statusFile)) fs.unlinkSync(statusFile);
  console.log(`${c.id}: exit ${r.exit}`);
}
