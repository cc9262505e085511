#!/usr/bin/env node
// Hostile input for `glass --check`: deep nesting, a 50 MB line, bad UTF-8,
// NUL bytes, empty files. Glass may accept or reject each one (a parser may
// cap nesting depth), but it must answer like a program, not crash:
//   - exit 0, or exit 1 with a SyntaxError on stderr (never a signal, never >1);
//   - where the input is plainly invalid, exit 1;
//   - finish within a generous time limit. That limit only catches hangs
//     (say, quadratic rescanning); it is not a speed target.
//
//   node conformance/parse/pathological.mjs --glass build/release/glass [FILTER]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';

const HANG_LIMIT_MS = 60_000;
const DEEP = 100_000;

// Each case: name, file extension, the bytes, and what must happen:
// 'either' (0 or 1), 'ok' (must parse), 'error' (must be a SyntaxError).
const rep = (s, n) => s.repeat(n);
const CASES = [
  { name: 'nested-brackets', make: () => rep('[', DEEP) + rep(']', DEEP), want: 'either' },
  { name: 'nested-parens', make: () => rep('(', DEEP) + '1' + rep(')', DEEP), want: 'either' },
  { name: 'nested-blocks', make: () => rep('{', DEEP) + rep('}', DEEP), want: 'either' },
  { name: 'nested-objects', make: () => 'x = ' + rep('{a:', DEEP) + '1' + rep('}', DEEP), want: 'either' },
  { name: 'nested-functions', make: () => rep('function f(){', DEEP / 2) + rep('}', DEEP / 2), want: 'either' },
  { name: 'nested-arrows', make: () => 'f = ' + rep('a=>', DEEP) + 'a', want: 'either' },
  { name: 'nested-unary', make: () => 'x = ' + rep('!', DEEP) + 'a', want: 'either' },
  { name: 'nested-assignments', make: () => rep('a=', DEEP) + '1', want: 'either' },
  { name: 'nested-conditionals', make: () => 'x = ' + rep('a?b:', DEEP) + 'c', want: 'either' },
  { name: 'nested-ifs', make: () => rep('if(a)', DEEP) + ';', want: 'either' },
  { name: 'nested-templates', make: () => 'x = ' + rep('`${', DEEP) + '1' + rep('}`', DEEP), want: 'either' },
  { name: 'unclosed-brackets', make: () => rep('[', DEEP), want: 'error' },
  { name: 'string-literal-50mb', make: () => 'var s = "' + rep('a', 50 * 1024 * 1024) + '";\n', want: 'ok' },
  { name: 'unterminated-string-50mb', make: () => 'var s = "' + rep('a', 50 * 1024 * 1024), want: 'error' },
  { name: 'long-sum-2mb', make: () => 'x = a' + rep('+a', 1024 * 1024) + ';\n', want: 'either' },
  { name: 'many-lines', make: () => rep(';\n', 1_000_000), want: 'ok' },
  { name: 'invalid-utf8-in-comment', bytes: () => Buffer.from([...Buffer.from('// bad: '), 0xff, 0xfe, 0xc3, 0x0a, ...Buffer.from('var x = 1;\n')]), want: 'either' },
  { name: 'invalid-utf8-in-identifier', bytes: () => Buffer.from([...Buffer.from('var '), 0xff, ...Buffer.from(' = 1;\n')]), want: 'error' },
  { name: 'invalid-utf8-in-string', bytes: () => Buffer.from([...Buffer.from('var s = "'), 0xc0, 0xaf, 0xed, 0xa0, 0x80, ...Buffer.from('";\n')]), want: 'either' },
  { name: 'truncated-utf8-at-end', bytes: () => Buffer.from([...Buffer.from('var s = "\u20ac"; // '), 0xe2, 0x82]), want: 'either' },
  { name: 'nul-outside-string', bytes: () => Buffer.from('var a = 1;\0\n'), want: 'error' },
  { name: 'nul-inside-string', bytes: () => Buffer.from('var a = "\0";\n'), want: 'ok' },
  { name: 'empty-file', bytes: () => Buffer.alloc(0), want: 'ok' },
  { name: 'only-bom', bytes: () => Buffer.from([0xef, 0xbb, 0xbf]), want: 'ok' },
  { name: 'bom-then-code', bytes: () => Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('var a = 1;\n')]), want: 'ok' },
  { name: 'module-nested-brackets', ext: '.mjs', make: () => 'export default ' + rep('[', DEEP) + rep(']', DEEP), want: 'either' },
];

function run(glass, file, module) {
  return new Promise((resolve) => {
    const args = module ? ['--check', '--module', file] : ['--check', file];
    const child = spawn(glass, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let timedOut = false;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d) => { if (stderr.length < 16384) stderr += d; });
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, HANG_LIMIT_MS);
    const started = Date.now();
    child.on('error', (e) => { stderr += `cannot start: ${e.message}`; });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, timedOut, stderr, ms: Date.now() - started });
    });
  });
}

function judge(c, r) {
  if (r.timedOut) return `no answer after ${HANG_LIMIT_MS / 1000}s (hang?)`;
  if (r.signal) return `killed by ${r.signal} (crash)`;
  if (r.code !== 0 && r.code !== 1) return `exit ${r.code}: ${r.stderr.trim().split('\n')[0] ?? ''}`;
  if (r.code === 1 && !r.stderr.includes('SyntaxError')) {
    return `exit 1 without a SyntaxError: ${r.stderr.trim().split('\n').slice(-1)[0] ?? ''}`;
  }
  if (c.want === 'ok' && r.code !== 0) return `should parse, got: ${r.stderr.trim().split('\n').slice(-1)[0]}`;
  if (c.want === 'error' && r.code !== 1) return 'should be rejected with a SyntaxError, but parsed';
  return null;
}

async function main() {
  const argv = process.argv.slice(2);
  const gi = argv.indexOf('--glass');
  if (gi < 0 || !argv[gi + 1]) {
    console.error('usage: node conformance/parse/pathological.mjs --glass PATH [FILTER]');
    process.exit(2);
  }
  const glass = argv[gi + 1];
  const filter = argv.filter((a, i) => i !== gi && i !== gi + 1)[0];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glass-pathological-'));
  let passed = 0;
  let failed = 0;
  try {
    for (const c of CASES) {
      if (filter && !c.name.includes(filter)) continue;
      const file = path.join(dir, c.name + (c.ext ?? '.js'));
      fs.writeFileSync(file, c.bytes ? c.bytes() : c.make());
      const r = await run(glass, file, c.ext === '.mjs');
      fs.rmSync(file);
      const problem = judge(c, r);
      const verdict = r.code === 0 ? 'parsed' : r.code === 1 ? 'rejected' : 'failed';
      if (problem) {
        failed++;
        console.log(`FAIL ${c.name}: ${problem}`);
      } else {
        passed++;
        console.log(`ok   ${c.name} (${verdict}, ${(r.ms / 1000).toFixed(2)}s)`);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main();
