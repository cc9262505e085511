// Malformed DAP input gets an error response and the adapter goes on: a bad
// header, a body that is not JSON, a message that is not a request, an
// unknown command, missing or mistyped arguments, requests out of order, an
// oversized message. Raw bytes on the adapter's stdin, responses read back.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { GLASS } from './harness.mjs';

// `glass --dap` and a reader of its framed messages.
function rawAdapter() {
  const child = spawn(GLASS, ['--dap'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let buffer = Buffer.alloc(0);
  const messages = [];
  const waiters = [];
  child.stdout.on('data', (d) => {
    buffer = Buffer.concat([buffer, d]);
    for (;;) {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) break;
      const length = Number(/Content-Length: (\d+)/.exec(buffer.subarray(0, end).toString())[1]);
      if (buffer.length < end + 4 + length) break;
      messages.push(JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString()));
      buffer = buffer.subarray(end + 4 + length);
    }
    while (waiters.length && messages.length) waiters.shift()(messages.shift());
  });
  const exited = new Promise((r) => child.on('exit', (code, signal) => r({ code, signal })));
  return {
    child,
    exited,
    write: (bytes) => child.stdin.write(bytes),
    send: (object) => {
      const body = typeof object === 'string' ? object : JSON.stringify(object);
      child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    },
    next: () => new Promise((resolve, reject) => {
      if (messages.length) return resolve(messages.shift());
      const timer = setTimeout(() => reject(new Error('no message from the adapter')), 10000);
      waiters.push((m) => { clearTimeout(timer); resolve(m); });
    }),
  };
}

async function expectError(a, pattern, requestSeq) {
  const m = await a.next();
  assert.equal(m.type, 'response');
  assert.equal(m.success, false);
  assert.match(m.message, pattern);
  if (requestSeq !== undefined) assert.equal(m.request_seq, requestSeq);
  return m;
}

test('bad frames and bad messages are answered with errors, and the adapter goes on', async () => {
  const a = rawAdapter();
  a.write('Content-Type: text/plain\r\n\r\n');
  await expectError(a, /no Content-Length/);
  a.write('Content-Length: abc\r\n\r\n');
  await expectError(a, /no Content-Length/);
  a.send('{"seq": 1, "type": "request", "command": ');
  await expectError(a, /not JSON/);
  a.send('[1, 2, 3]');
  await expectError(a, /JSON object/);
  a.send({ seq: 2, type: 'event', event: 'hello' });
  await expectError(a, /only requests/, 2);
  a.send({ type: 'request', command: 'threads' });
  await expectError(a, /integer "seq"/);
  a.send({ seq: 3, type: 'request' });
  await expectError(a, /"command"/, 3);
  a.send({ seq: 4, type: 'request', command: 'flyToTheMoon' });
  const unknown = await expectError(a, /unknown request 'flyToTheMoon'/, 4);
  assert.equal(unknown.command, 'flyToTheMoon');
  a.send({ seq: 5, type: 'request', command: 'initialize', arguments: 'not an object' });
  await expectError(a, /"arguments" must be an object/, 5);
  // Requests that need a program, before there is one.
  for (const [seq, command] of [[6, 'stackTrace'], [7, 'continue'], [8, 'evaluate'], [9, 'setBreakpoints'], [10, 'disassemble'], [11, 'configurationDone']]) {
    a.send({ seq, type: 'request', command, arguments: { threadId: 1, expression: '1' } });
    await expectError(a, /no program/, seq);
  }
  // Launch arguments of the wrong kind.
  a.send({ seq: 12, type: 'request', command: 'launch', arguments: {} });
  await expectError(a, /"program" is required/, 12);
  a.send({ seq: 13, type: 'request', command: 'launch', arguments: { program: 42 } });
  await expectError(a, /"program" must be a string/, 13);
  a.send({ seq: 14, type: 'request', command: 'launch', arguments: { program: 'x.js', args: [1] } });
  await expectError(a, /"args" must be an array of strings/, 14);
  a.send({ seq: 15, type: 'request', command: 'launch', arguments: { program: 'x.js', stopOnEntry: 'yes' } });
  await expectError(a, /"stopOnEntry" must be a boolean/, 15);
  // A message over the size limit is skipped without being held; the next one is read.
  const huge = 17 * 1024 * 1024;
  a.write(`Content-Length: ${huge}\r\n\r\n`);
  a.write(Buffer.alloc(huge, 0x20));
  await expectError(a, /over the limit/);
  // Still serving.
  a.send({ seq: 16, type: 'request', command: 'initialize', arguments: { adapterID: 'glass' } });
  const ok = await a.next();
  assert.equal(ok.success, true);
  assert.equal(ok.request_seq, 16);
  a.send({ seq: 17, type: 'request', command: 'threads' });
  assert.equal((await a.next()).body.threads[0].id, 1);
  a.send({ seq: 18, type: 'request', command: 'disconnect' });
  assert.equal((await a.next()).success, true);
  assert.deepEqual(await a.exited, { code: 0, signal: null });
});

test('the end of the input ends the adapter', async () => {
  const a = rawAdapter();
  a.child.stdin.end('Content-Length: 10\r\n\r\n{"se');
  assert.deepEqual(await a.exited, { code: 0, signal: null });
});

test('glass --dap with other arguments is a usage error', async () => {
  for (const args of [['--dap', 'app.js'], ['--dap=notaport'], ['--dap-port=70000']]) {
    const child = spawn(GLASS, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    const code = await new Promise((r) => child.on('exit', r));
    assert.equal(code, 2, args.join(' '));
    assert.match(stderr, /usage: glass --dap/);
  }
});
