#!/usr/bin/env node
// Regenerates the expected output of the JS corpus from Node (v20), the
// reference engine:
//
//   node conformance/js/regenerate.mjs [--check] [filters...]
//
// For each case (filters: substrings of `area/name.js`):
//   1. `node case.js` (a CommonJS module, as glass runs a .js file): stdout
//      becomes <name>.expected; a nonzero exit also writes <name>.status with
//      the exit code and the first line of String(error) of the uncaught
//      exception (read through a small -r hook, since Node's own report starts
//      with the source position, not with the error).
//   2. the same file as a classic global Script (vm.runInThisContext), which
//      must print the same thing: cases may not depend on being a module or a
//      script. This run also rejects console.log arguments that are not
//      strings (glass's console.log does not format objects like Node's).
// --check compares instead of writing and exits 1 on any difference.
// Cases marked `// node-deviates: why` keep their hand-written .expected.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import {
  listCases, isNodeDeviating, readExpectation, writeExpectation,
} from './lib/cases.mjs';

// Preloaded with -r into the CommonJS run of a failing case: reports the
// uncaught error's first line the way the CLI contract wants it from glass.
const ERROR_HOOK = `
process.on('uncaughtException', (e) => {
  let s;
  try { s = String(e); } catch { s = Object.prototype.toString.call(e); }
  require('fs').writeSync(2, 'ERROR-LINE:' + s.split('\\n')[0] + '\\n');
  process.exit(1);
});
`;

// Runs a file as a classic Script in the main realm, with console.log
// checking its arguments.
const SCRIPT_HOST = `
const fs = require('fs');
const vm = require('vm');
const file = process.argv[2];
const log = console.log.bind(console);
console.log = function (...args) {
  for (const a of args) {
    if (typeof a !== 'string') fs.writeSync(2, 'NON-STRING:' + typeof a + '\\n');
  }
  return log(...args);
};
${ERROR_HOOK}
vm.runInThisContext(fs.readFileSync(file, 'utf8'), { filename: file });
`;

function parseArgs(argv) {
  const o = { check: false, filters: [] };
  for (const a of argv) {
    if (a === '--check') o.check = true;
    else if (a === '-h' || a === '--help') {
      console.log('usage: node conformance/js/regenerate.mjs [--check] [filters...]');
      process.exit(0);
    } else if (a.startsWith('-')) {
      console.error(`unknown option ${a}`);
      process.exit(2);
    } else o.filters.push(a);
  }
  return o;
}

function run(args, cwd) {
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', timeout: 60000, maxBuffer: 64 << 20 });
  const errorLine = /^ERROR-LINE:(.*)$/m.exec(r.stderr ?? '');
  const nonString = /^NON-STRING:(.*)$/m.exec(r.stderr ?? '');
  return {
    stdout: r.stdout ?? '',
    exit: r.status ?? -1,
    signal: r.signal,
    stderrLine: errorLine ? errorLine[1] : null,
    nonString: nonString ? nonString[1] : null,
    rawStderr: r.stderr ?? '',
  };
}

function main() {
  const o = parseArgs(process.argv.slice(2));
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20) console.error(`warning: expected outputs come from Node 20; this is Node ${process.versions.node}`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'glass-js-regen-'));
  const hook = path.join(tmp, 'error-hook.cjs');
  const host = path.join(tmp, 'script-host.cjs');
  fs.writeFileSync(hook, ERROR_HOOK);
  fs.writeFileSync(host, SCRIPT_HOST);
  let written = 0;
  let same = 0;
  let skipped = 0;
  const problems = [];
  try {
    for (const c of listCases(o.filters)) {
      if (isNodeDeviating(c.file)) {
        skipped++;
        if (!readExpectation(c.file)) problems.push(`${c.id}: node-deviates but has no hand-written .expected`);
        continue;
      }
      const cwd = path.dirname(c.file);
      const cjs = run([c.file], cwd);
      if (cjs.signal) {
        problems.push(`${c.id}: node was killed by ${cjs.signal}`);
        continue;
      }
      let stderrLine = null;
      if (cjs.exit !== 0) {
        const hooked = run(['-r', hook, c.file], cwd);
        stderrLine = hooked.stderrLine;
        if (stderrLine === null) problems.push(`${c.id}: exit ${cjs.exit} without an uncaught error: ${cjs.rawStderr.trim().split('\n')[0]}`);
      }
      const result = { stdout: cjs.stdout, exit: cjs.exit, stderr: stderrLine };

      const script = run([host, c.file], cwd);
      if (script.nonString) problems.push(`${c.id}: console.log got a non-string argument (${script.nonString})`);
      if (script.stdout !== result.stdout || script.exit !== result.exit || script.stderrLine !== result.stderr) {
        problems.push(`${c.id}: differs when run as a classic script (exit ${script.exit} vs ${result.exit}, ` +
          `stdout ${script.stdout === result.stdout ? 'same' : 'differs'}, error line ${JSON.stringify(script.stderrLine)} vs ${JSON.stringify(result.stderr)})`);
      }

      const old = readExpectation(c.file);
      const unchanged = old && old.stdout === result.stdout && old.exit === result.exit && old.stderr === result.stderr;
      if (unchanged) same++;
      else if (o.check) problems.push(`${c.id}: ${old ? 'expected output differs from Node' : 'no .expected file'}`);
      else {
        writeExpectation(c.file, result);
        written++;
        console.log(`${old ? 'updated' : 'created'} ${c.id}${result.exit ? ` (exit ${result.exit}: ${result.stderr})` : ''}`);
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  for (const p of problems) console.log(`PROBLEM ${p}`);
  console.log(`${same} unchanged, ${written} written, ${skipped} node-deviates (hand-written), ${problems.length} problems`);
  return problems.length ? 1 : 0;
}

process.exit(main());
