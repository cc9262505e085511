// `glass inspect HOST:PORT`: the terminal debugger attaching to a program
// already running with --inspect, pausing it, reading it, letting it go.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';

import { GLASS, project, start, sleep } from './harness.mjs';

test('glass inspect attaches to a running --inspect program, pauses it, evaluates, resumes, detaches', async () => {
  const dir = project({
    'app.js': 'let beats = 0;\nconst h = setInterval(() => {\n  beats++;\n  if (beats >= 10000) clearInterval(h);\n}, 5);\n',
  });
  const target = await start(dir, 'app.js', '--inspect=127.0.0.1:0');
  const terminal = spawn(GLASS, ['inspect', `127.0.0.1:${target.port}`], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  terminal.stdout.on('data', (d) => { out += d; });
  terminal.stderr.on('data', (d) => { out += d; });
  const prompt = async () => {
    for (let i = 0; i < 500 && !out.endsWith('debug> '); i++) await sleep(20);
    assert.ok(out.endsWith('debug> '), 'prompt: ' + out);
  };
  const type = async (line) => {
    out = '';
    terminal.stdin.write(line + '\n');
    await prompt();
    return out;
  };
  try {
    await prompt();
    const paused = await type('pause');
    assert.match(paused, /break in app\.js:3/);
    assert.match(await type('exec typeof beats'), /'number'/);
    await type('exec beats = 10000');
    const bt = await type('bt');
    assert.match(bt, /#0 \(anonymous\) app\.js:3:/);
    await type('c');  // the interval clears itself now; the program ends and the terminal lets it go
    const exit = await Promise.race([target.exit, sleep(10000).then(() => ({ code: 'hung' }))]);
    assert.equal(exit.code, 0);
    terminal.stdin.end();
  } finally {
    terminal.kill('SIGKILL');
    target.child.kill('SIGKILL');
  }
});
