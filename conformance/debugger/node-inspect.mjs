// Node's own debugger client, `node inspect`, unchanged, against glass:
// each folder of node-inspect/ holds a program (app.js and what it loads)
// and the commands typed (`commands`); `expected` is what `node inspect`
// printed when the program ran in **node** (`--update` regenerates it that
// way), so glass is measured against V8 through a client nobody here wrote.
//
// For each case the runner starts the program with --inspect-brk on a free
// port (glass, or node for --update), attaches `node inspect 127.0.0.1:PORT`,
// types each command once the client's output has been quiet for a moment,
// and compares the transcripts, ports and paths replaced by placeholders
// and node's own internal frames (node:internal/...) left out of `bt`.
//
//   node conformance/debugger/node-inspect.mjs --glass build/release/glass [--update] [names...]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CASES = path.join(HERE, 'node-inspect');
const QUIET_MS = 400;

function parseArgs(argv) {
  const o = { glass: null, update: false, names: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--glass') o.glass = path.resolve(argv[++i]);
    else if (argv[i] === '--update') o.update = true;
    else o.names.push(argv[i]);
  }
  if (!o.glass && !o.update) throw new Error('usage: node-inspect.mjs --glass PATH [--update] [names...]');
  return o;
}

function normalize(text, dir) {
  return text.split(dir).join('<dir>')
    .replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:<port>')
    .replace(/\r/g, '')
    .split('\n')
    .filter((l) => !/^#\d+ .*(node:internal|<unknown>)/.test(l))  // node's own frames in bt
    .join('\n');
}

function startTarget(runtime, dir) {
  return new Promise((resolve, reject) => {
    const target = spawn(runtime, ['--inspect-brk=127.0.0.1:0', 'app.js'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    target.stdout.resume();
    target.stderr.on('data', (d) => {
      err += d;
      const m = /ws:\/\/127\.0\.0\.1:(\d+)\//.exec(err);
      if (m && !target.port) {
        target.port = Number(m[1]);
        resolve(target);
      }
    });
    target.on('exit', () => reject(new Error('target ended before listening: ' + err)));
  });
}

async function session(runtime, dir, commands) {
  const target = await startTarget(runtime, dir);
  return new Promise((resolve) => {
    const client = spawn(process.execPath, ['inspect', `127.0.0.1:${target.port}`], {
      cwd: dir, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NODE_NO_READLINE: '1' },
    });
    let out = '';
    let next = 0;
    let quiet = null;
    const finish = () => {
      clearTimeout(quiet);
      clearTimeout(timer);
      client.kill('SIGKILL');
      target.kill('SIGKILL');
      resolve(out);
    };
    const timer = setTimeout(() => { out += '\n[runner: timed out]\n'; finish(); }, 60000);
    const onOutput = (d) => {
      out += d;
      clearTimeout(quiet);
      quiet = setTimeout(() => {
        if (!/debug> $/.test(out)) return;
        if (next >= commands.length) return finish();
        client.stdin.write(commands[next++] + '\n');
      }, QUIET_MS);
    };
    client.stdout.on('data', onOutput);
    client.stderr.on('data', onOutput);
    client.on('exit', finish);
  });
}

const o = parseArgs(process.argv.slice(2));
const names = fs.readdirSync(CASES).filter((n) => fs.statSync(path.join(CASES, n)).isDirectory()).sort()
  .filter((n) => !o.names.length || o.names.some((x) => n.includes(x)));
let failed = 0;
for (const name of names) {
  const dir = path.join(CASES, name);
  const commands = fs.readFileSync(path.join(dir, 'commands'), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
  const got = normalize(await session(o.update ? process.execPath : o.glass, dir, commands), dir);
  const expectedFile = path.join(dir, 'expected');
  if (o.update) {
    fs.writeFileSync(expectedFile, got);
    console.log(`UPDATED ${name} (from node ${process.version})`);
    continue;
  }
  const expected = fs.readFileSync(expectedFile, 'utf8');
  if (got === expected) {
    console.log(`PASS ${name}`);
    continue;
  }
  failed++;
  console.log(`FAIL ${name}`);
  const a = expected.split('\n'), b = got.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    console.log(`    line ${i + 1}:\n      node:  ${JSON.stringify(a[i])}\n      glass: ${JSON.stringify(b[i])}`);
    break;
  }
}
console.log(`${names.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
