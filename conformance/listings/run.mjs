#!/usr/bin/env node
// Golden listings: for every program in cases/, what glass shows of it —
// `--print-ast`, `--print-scopes`, `--print-bytecode` and `--trace` — is
// compared with the files checked in beside it (NAME.ast, NAME.scopes,
// NAME.bytecode, NAME.trace), and what it prints with NAME.out, which Node
// wrote. A change to the parser, the resolver or the compiler shows up here
// as a readable diff; --update rewrites the listings from glass (and the
// .out files from node), to be reviewed with `git diff` before committing.
//
//   node conformance/listings/run.mjs --glass build/release/glass [FILTER]
//   node conformance/listings/run.mjs --glass build/release/glass --update [FILTER]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CASES = path.join(HERE, 'cases');

// One row per listing: the file it is kept in, the flag that makes it, and
// which stream it comes out on.
const VIEWS = [
  { ext: 'ast', args: ['--print-ast'], stream: 'stdout' },
  { ext: 'scopes', args: ['--print-scopes'], stream: 'stdout' },
  { ext: 'bytecode', args: ['--print-bytecode'], stream: 'stdout' },
  { ext: 'trace', args: ['--trace'], stream: 'stderr' },
];

function parseArgs(argv) {
  const o = { glass: null, update: false, filter: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--glass') o.glass = argv[++i];
    else if (argv[i] === '--update') o.update = true;
    else if (!argv[i].startsWith('-')) o.filter = argv[i];
    else {
      console.error(`unknown option ${argv[i]}`);
      process.exit(2);
    }
  }
  if (!o.glass) {
    console.error('usage: node conformance/listings/run.mjs --glass PATH [--update] [FILTER]');
    process.exit(2);
  }
  return o;
}

function run(cmd, args, cwd) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, TZ: 'UTC', NO_COLOR: '1' } });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

// The first line where two texts differ, shown with its neighbour lines.
function firstDifference(expected, actual) {
  const e = expected.split('\n'), a = actual.split('\n');
  let i = 0;
  while (i < e.length && i < a.length && e[i] === a[i]) i++;
  return `line ${i + 1}:\n  expected: ${JSON.stringify(e[i] ?? '<end>')}\n  actual:   ${JSON.stringify(a[i] ?? '<end>')}`;
}

// Checks (or with --update, writes) one case; returns the failure messages.
async function checkCase(options, name) {
  const file = `${name}.js`;
  const failures = [];
  const expect = async (ext, actual) => {
    const expectedPath = path.join(CASES, `${name}.${ext}`);
    if (options.update) {
      fs.writeFileSync(expectedPath, actual);
      return;
    }
    if (!fs.existsSync(expectedPath)) return failures.push(`${name}.${ext} is missing (run with --update)`);
    const expected = fs.readFileSync(expectedPath, 'utf8');
    if (expected !== actual) failures.push(`${name}.${ext} differs, ${firstDifference(expected, actual)}`);
  };
  for (const view of VIEWS) {
    const r = await run(options.glass, [...view.args, file], CASES);
    if (r.signal || r.code !== 0) {
      failures.push(`${name}: glass ${view.args.join(' ')} exited with ${r.signal ?? r.code}: ${r.stderr.slice(0, 500)}`);
      continue;
    }
    await expect(view.ext, r[view.stream]);
    // The traced run is a real run: what it prints must be what node printed.
    if (view.ext === 'trace') {
      if (options.update) {
        const node = await run(process.execPath, [file], CASES);
        await expect('out', node.stdout);
      }
      await expect('out', r.stdout);
    }
  }
  return failures;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  options.glass = path.resolve(options.glass);
  const names = fs
    .readdirSync(CASES)
    .filter((f) => f.endsWith('.js'))
    .map((f) => f.slice(0, -3))
    .filter((n) => !options.filter || n.includes(options.filter))
    .sort();
  // Every case says what to look at in its listings, on its first line.
  const failures = [];
  for (const n of names) {
    if (!fs.readFileSync(path.join(CASES, `${n}.js`), 'utf8').startsWith('// '))
      failures.push(`${n}.js: the first line must be a comment saying what to look at`);
  }
  const jobs = Math.max(1, Math.min(4, os.availableParallelism?.() ?? 2));
  let next = 0;
  const worker = async () => {
    while (next < names.length) failures.push(...(await checkCase(options, names[next++])));
  };
  await Promise.all(Array.from({ length: jobs }, worker));
  for (const f of failures) console.log(`FAIL ${f}`);
  const verb = options.update ? 'updated' : 'checked';
  console.log(`${names.length} programs ${verb} (${VIEWS.map((v) => v.ext).join(', ')}, out): ${failures.length} failures`);
  process.exit(failures.length ? 1 : 0);
}

main();
