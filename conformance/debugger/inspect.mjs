// Golden transcripts of `glass inspect` (see README.md): each folder of
// inspect/ holds a program (app.js or app.mjs, and any files it loads), the
// commands typed (`commands`, one per line) and the transcript expected
// (`expected`). The runner starts `glass inspect app.js` in that folder,
// types each command once the prompt is back (the debugger prints its prompt
// only when a command has finished: the program paused again or ended), and
// compares the whole screen with `expected`, ports and ids replaced by
// placeholders.
//
//   node conformance/debugger/inspect.mjs --glass build/release/glass [--update] [--gc-stress] [names...]
//
// --gc-stress runs the programs collecting at every allocation: the
// transcripts must not change (pause-running is timing-bound, and a GC
// breakpoint fires at the first allocation: both skipped).
//
// --update writes what glass printed into `expected`: read the diff before
// committing it. Lines of `commands` starting with '#' are comments; a line
// "!nowait CMD" is typed 400 ms after the command before it, without waiting
// for the prompt (`pause` while the program runs).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CASES = path.join(HERE, 'inspect');

function parseArgs(argv) {
  const o = { glass: null, update: false, names: [], timeout: 30000, flags: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--glass') o.glass = path.resolve(argv[++i]);
    else if (argv[i] === '--update') o.update = true;
    else if (argv[i] === '--timeout') o.timeout = Number(argv[++i]) * 1000;
    else if (argv[i] === '--gc-stress') { o.flags.push('--gc-stress'); o.timeout = 120000; }
    else o.names.push(argv[i]);
  }
  if (!o.glass) throw new Error('usage: inspect.mjs --glass PATH [--update] [names...]');
  return o;
}

export function normalize(text, dir) {
  if (dir) text = text.split(dir).join('<dir>');
  return text
    .replace(/ws:\/\/127\.0\.0\.1:\d+\/[0-9a-f-]+/g, 'ws://127.0.0.1:<port>/<id>')
    .replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:<port>')
    // The machine's counts depend on the heap's history and the machine's cores.
    .replace(/\(\d+ cells marked\)/g, '(<n> cells marked)')
    .replace(/^heap totals:.*$/gm, 'heap totals: <by kind>')
    .replace(/^thread \d+: idle\n/gm, '')
    // The runtime's own JS (natives/lib) changes often: its line numbers are not the point.
    .replace(/(node:internal\/[\w/]+):\d+:\d+/g, '$1:<line>')
    .replace(/\r/g, '');
}

// Runs one session; resolves with the transcript.
function session(glass, dir, commands, timeout, flags) {
  return new Promise((resolve) => {
    const app = fs.existsSync(path.join(dir, 'app.mjs')) ? 'app.mjs' : 'app.js';
    const child = spawn(glass, ['inspect', ...flags, app], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let next = 0;
    let idle = null;
    const finish = (why) => {
      clearTimeout(timer);
      clearTimeout(idle);
      child.kill('SIGKILL');
      resolve(out + (why ? `\n[runner: ${why}]\n` : ''));
    };
    const timer = setTimeout(() => finish(`timed out after ${timeout / 1000} s`), timeout);
    const typeNext = () => {
      if (next >= commands.length) return child.stdin.end();
      const line = commands[next++];
      child.stdin.write(line.replace(/^!nowait /, '') + '\n');
      // "!nowait CMD": typed while the program runs (pause), the one after it 400 ms later.
      if (next < commands.length && commands[next].startsWith('!nowait ')) setTimeout(typeNext, 400);
    };
    const maybeType = () => {
      clearTimeout(idle);
      if (!/(debug> |\n> |^> )$/.test(out)) return;
      // The prompt is back and nothing more came for a moment: type the next command.
      idle = setTimeout(typeNext, 60);
    };
    child.stdout.on('data', (d) => { out += d; maybeType(); });
    child.stderr.on('data', (d) => { out += d; maybeType(); });
    child.on('exit', () => finish(null));
  });
}

const o = parseArgs(process.argv.slice(2));
const names = fs.readdirSync(CASES).filter((n) => fs.statSync(path.join(CASES, n)).isDirectory()).sort()
  .filter((n) => !o.names.length || o.names.some((x) => n.includes(x)))
  // (Under --gc-stress the heap wants to collect at every allocation: a GC breakpoint stops elsewhere.)
  .filter((n) => !(o.flags.includes('--gc-stress') && (n === 'pause-running' || n === 'machine-heap-gc')));
let failed = 0;
// Two sessions at a time (each is two processes: the debugger and the program).
const queue = [...names];
async function worker() {
  while (queue.length) {
    const name = queue.shift();
    const dir = path.join(CASES, name);
    const commands = fs.readFileSync(path.join(dir, 'commands'), 'utf8').split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'));
    const got = normalize(await session(o.glass, dir, commands, o.timeout, o.flags), dir);
    const expectedFile = path.join(dir, 'expected');
    if (o.update) {
      fs.writeFileSync(expectedFile, got);
      console.log(`UPDATED ${name}`);
      continue;
    }
    const expected = fs.existsSync(expectedFile) ? fs.readFileSync(expectedFile, 'utf8') : '';
    if (got === expected) {
      console.log(`PASS ${name}`);
      continue;
    }
    failed++;
    console.log(`FAIL ${name}`);
    const a = expected.split('\n'), b = got.split('\n');
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (a[i] === b[i]) continue;
      console.log(`    line ${i + 1}:\n      expected: ${JSON.stringify(a[i])}\n      glass:    ${JSON.stringify(b[i])}`);
      break;
    }
  }
}
await Promise.all([worker(), worker()]);
console.log(`${names.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
