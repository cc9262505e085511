// The session: initialize, launch (stopOnEntry or not), the program's output
// and exit, terminate, attach to a running `glass --inspect-brk`, and the
// TCP server (`glass --dap=0`).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { adapter, failure, FLAGS, GLASS, launchAndStop, project, topFrame } from './harness.mjs';

test('initialize lists the capabilities served', async () => {
  const dc = await adapter({ 'app.js': '' });
  const r = await dc.initializeRequest({ adapterID: 'glass', linesStartAt1: true, columnsStartAt1: true });
  for (const name of ['supportsConfigurationDoneRequest', 'supportsFunctionBreakpoints', 'supportsConditionalBreakpoints',
    'supportsHitConditionalBreakpoints', 'supportsLogPoints', 'supportsSetVariable', 'supportsDisassembleRequest',
    'supportsSteppingGranularity', 'supportsInstructionBreakpoints', 'supportsTerminateRequest', 'supportsLoadedSourcesRequest'])
    assert.equal(r.body[name], true, name);
  assert.deepEqual(r.body.exceptionBreakpointFilters.map((f) => f.filter), ['all', 'uncaught']);
  await dc.close();
});

test('stopOnEntry stops on the first line; the program output and exit code follow', async () => {
  const dc = await adapter({ 'app.js': 'const a = 1;\nconsole.log("hello", a);\nconsole.error("oops");\nprocess.exitCode = 3;\n' });
  const stopped = await launchAndStop(dc, dc.args({ stopOnEntry: true }));
  assert.equal(stopped.body.reason, 'entry');
  assert.equal(stopped.body.threadId, 1);
  const frame = await topFrame(dc);
  assert.equal(frame.line, 1);
  assert.equal(frame.source.path, dc.program);
  const threads = await dc.threadsRequest();
  assert.deepEqual(threads.body.threads, [{ id: 1, name: 'main' }]);
  const exited = dc.waitForEvent('exited');
  const terminated = dc.waitForEvent('terminated');
  await dc.continueRequest({ threadId: 1 });
  assert.equal((await exited).body.exitCode, 3);
  await terminated;
  assert.equal(dc.output.stdout, 'hello 1\n');
  assert.equal(dc.output.stderr, 'oops\n');  // without the debugger's own lines
  await dc.close();
});

test('without stopOnEntry the program runs to its end', async () => {
  const dc = await adapter({ 'app.js': 'console.log(process.argv.slice(2).join(","));\n' });
  const terminated = dc.waitForEvent('terminated');
  await Promise.all([dc.configurationSequence(), dc.launch(dc.args({ args: ['x', 'y'] }))]);
  await terminated;
  assert.equal(dc.output.stdout, 'x,y\n');
  await dc.close();
});

test('a program with a SyntaxError: its message on stderr, exit code 1', async () => {
  const dc = await adapter({ 'app.js': 'let x = ;\n' });
  const exited = dc.waitForEvent('exited');
  const terminated = dc.waitForEvent('terminated');
  await Promise.all([dc.configurationSequence(), dc.launch(dc.args())]);
  assert.equal((await exited).body.exitCode, 1);
  await terminated;
  assert.match(dc.output.stderr, /SyntaxError: Unexpected token ';'/);
  await dc.close();
});

test('launching a file that does not exist is an error response', async () => {
  const dc = await adapter({ 'app.js': '' });
  const message = await failure(dc.launch(dc.args({ program: dc.file('missing.js') })));
  assert.match(message, /launch: .*missing\.js/);
  await dc.close();
});

test('terminate ends a program that would run forever', async () => {
  const dc = await adapter({ 'app.js': 'setInterval(() => {}, 1000);\nconsole.log("started");\n' });
  await Promise.all([dc.configurationSequence(), dc.launch(dc.args())]);
  const exited = dc.waitForEvent('exited');
  const terminated = dc.waitForEvent('terminated');
  await dc.terminateRequest();
  assert.equal((await exited).body.exitCode, 128 + 15);  // SIGTERM
  await terminated;
  assert.match(await failure(dc.pauseRequest({ threadId: 1 })), /ended/);
  await dc.close();
});

test('pause stops a busy program with reason pause', async () => {
  const dc = await adapter({ 'app.js': 'let n = 0;\nwhile (true) {\n  n++;\n}\n' });
  await Promise.all([dc.configurationSequence(), dc.launch(dc.args())]);
  const stopped = dc.waitForEvent('stopped');
  await dc.pauseRequest({ threadId: 1 });
  assert.equal((await stopped).body.reason, 'pause');
  const frame = await topFrame(dc);
  assert.ok(frame.line >= 2 && frame.line <= 3, `line ${frame.line}`);
  await dc.close();
});

// A `glass --inspect-brk` started by hand; the adapter attaches to its port.
function inspected(dir) {
  return new Promise((resolve, reject) => {
    const child = spawn(GLASS, ['--inspect-brk=127.0.0.1:0', ...FLAGS, 'app.js'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
      const m = /ws:\/\/127\.0\.0\.1:(\d+)\//.exec(stderr);
      if (m) resolve({ child, port: Number(m[1]) });
    });
    child.on('exit', () => reject(new Error('glass ended: ' + stderr)));
  });
}

test('attach: to a running glass --inspect-brk; console output arrives as output events', async () => {
  const dir = project({ 'app.js': 'console.log("from", "attached");\nconsole.log({ a: 1 });\n' });
  const { child, port } = await inspected(dir);
  const dc = await adapter({});
  const stopped = dc.waitForEvent('stopped');
  await dc.initializeRequest();
  await Promise.all([dc.waitForEvent('initialized').then(() => dc.configurationDoneRequest()), dc.attachRequest({ port })]);
  assert.equal((await stopped).body.reason, 'entry');
  const terminated = dc.waitForEvent('terminated');
  await dc.continueRequest({ threadId: 1 });
  await dc.assertOutput('stdout', 'from attached\n{ a: 1 }\n');
  await terminated;
  await dc.close();
  child.kill();
});

test('attach needs a port', async () => {
  const dc = await adapter({});
  await dc.initializeRequest();
  assert.match(await failure(dc.attachRequest({})), /"port"/);
  assert.match(await failure(dc.attachRequest({ port: 70000 })), /1-65535/);
  await dc.close();
});

test('glass --dap=0 serves sessions one after another on a TCP port', async () => {
  const server = spawn(GLASS, ['--dap=0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const port = await new Promise((resolve, reject) => {
    let stderr = '';
    server.stderr.on('data', (d) => {
      stderr += d;
      const m = /listening on 127\.0\.0\.1:(\d+)/.exec(stderr);
      if (m) resolve(Number(m[1]));
    });
    server.on('exit', () => reject(new Error('glass --dap ended: ' + stderr)));
  });
  try {
    for (const word of ['first', 'second']) {
      const dc = await adapter({ 'app.js': `console.log(${JSON.stringify(word)});\n` }, { port });
      const terminated = dc.waitForEvent('terminated');
      await Promise.all([dc.configurationSequence(), dc.launch(dc.args())]);
      await terminated;
      assert.equal(dc.output.stdout, word + '\n');
      await dc.close();
    }
  } finally {
    server.kill();
  }
});
