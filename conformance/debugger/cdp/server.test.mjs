// The inspector's server facing bad input: a foreign Host header (DNS
// rebinding), requests that are not WebSocket handshakes, unknown paths, a
// second client, malformed frames, a 50 MB message, a client vanishing while
// the program is paused. Each gets a clear answer and leaves the program
// running; the endpoints /json, /json/version, /json/protocol answer.
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { test } from 'node:test';
import CDP from 'chrome-remote-interface';
import WebSocket from 'ws';

import { project, start, sleep } from './harness.mjs';

function get(port, path, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('error', reject);
  });
}

// A program that runs until told to stop through a file; --inspect.
async function running() {
  const dir = project({ 'app.js': 'const fs = require("fs");\nconst h = setInterval(() => { if (fs.existsSync(__dirname + "/stop")) clearInterval(h); }, 20);\n' });
  const target = await start(dir, 'app.js', '--inspect=127.0.0.1:0');
  target.stop = async () => {
    (await import('node:fs')).writeFileSync(dir + '/stop', '');
    return Promise.race([target.exit, sleep(5000).then(() => { target.child.kill('SIGKILL'); return { code: 'killed' }; })]);
  };
  return target;
}

test('/json, /json/list, /json/version and /json/protocol', async () => {
  const t = await running();
  try {
    const list = JSON.parse((await get(t.port, '/json')).body);
    assert.equal(list.length, 1);
    assert.equal(list[0].type, 'node');
    assert.equal(list[0].webSocketDebuggerUrl, `ws://127.0.0.1:${t.port}/${t.id}`);
    assert.deepEqual(JSON.parse((await get(t.port, '/json/list')).body), list);
    const version = JSON.parse((await get(t.port, '/json/version')).body);
    assert.match(version.Browser, /^glass\//);
    const protocol = JSON.parse((await get(t.port, '/json/protocol')).body);
    const debuggerDomain = protocol.domains.find((d) => d.domain === 'Debugger');
    assert.ok(debuggerDomain.commands.some((c) => c.name === 'setBreakpointByUrl'));
    assert.ok(debuggerDomain.events.some((e) => e.name === 'paused'));
    assert.equal((await get(t.port, '/nothing')).status, 404);
    assert.equal((await t.stop()).code, 0);
  } finally {
    t.child.kill('SIGKILL');
  }
});

test('a Host header that is not an IP address or localhost is refused (DNS rebinding); localhost is fine', async () => {
  const t = await running();
  try {
    const refused = await get(t.port, '/json', { Host: 'evil.example:9229' });
    assert.equal(refused.status, 400);
    assert.match(refused.body, /Host header/);
    assert.equal((await get(t.port, '/json', { Host: 'localhost:' + t.port })).status, 200);
    const ws = new WebSocket(`ws://127.0.0.1:${t.port}/${t.id}`, { headers: { Host: 'attacker.test' } });
    const failure = await new Promise((r) => { ws.on('unexpected-response', (req, res) => r(res.statusCode)); ws.on('error', () => r('error')); });
    assert.equal(failure, 400);
    assert.equal((await t.stop()).code, 0);
  } finally {
    t.child.kill('SIGKILL');
  }
});

test('a second client is refused while one is attached; a wrong id and a non-GET are refused', async () => {
  const t = await running();
  try {
    const first = await CDP({ port: t.port });
    const second = new WebSocket(`ws://127.0.0.1:${t.port}/${t.id}`);
    const status = await new Promise((r) => { second.on('unexpected-response', (req, res) => r(res.statusCode)); second.on('open', () => r('open')); });
    assert.equal(status, 400);
    const wrong = new WebSocket(`ws://127.0.0.1:${t.port}/not-the-id`);
    assert.equal(await new Promise((r) => wrong.on('unexpected-response', (req, res) => r(res.statusCode))), 404);
    assert.equal((await first.Runtime.evaluate({ expression: '1 + 1' })).result.value, 2);
    await first.close();
    // After the first leaves, another may attach.
    const again = await CDP({ port: t.port });
    assert.equal((await again.Runtime.evaluate({ expression: '2 + 2' })).result.value, 4);
    await again.close();
    assert.equal((await t.stop()).code, 0);
  } finally {
    t.child.kill('SIGKILL');
  }
});

test('garbage on the socket, a malformed frame, non-JSON and a 50 MB message: the connection ends or errs, the program runs on', async () => {
  const t = await running();
  try {
    // Not HTTP at all.
    const raw = net.connect(t.port, '127.0.0.1');
    raw.write('\x00\x01\x02 this is not http\r\n\r\n');
    const answer = await new Promise((r) => { let d = ''; raw.on('data', (x) => { d += x; }); raw.on('close', () => r(d)); });
    assert.match(answer, /^HTTP\/1\.1 400/);
    // A WebSocket, then a frame with a reserved opcode.
    const ws = new WebSocket(`ws://127.0.0.1:${t.port}/${t.id}`);
    await new Promise((r) => ws.on('open', r));
    ws._socket.write(Buffer.from([0x83, 0x80, 1, 2, 3, 4]));  // FIN + opcode 3 (reserved), masked, empty
    const code = await new Promise((r) => ws.on('close', (c) => r(c)));
    assert.ok(code === 1002 || code === 1006, 'closed: ' + code);
    // Non-JSON gets a JSON-RPC parse error.
    const ws2 = new WebSocket(`ws://127.0.0.1:${t.port}/${t.id}`);
    await new Promise((r) => ws2.on('open', r));
    ws2.send('this is not json');
    const reply = JSON.parse(await new Promise((r) => ws2.once('message', (m) => r(String(m)))));
    assert.equal(reply.error.code, -32700);
    // 50 MB in one message: more than the server takes; it closes with "too big".
    ws2.send('"' + 'x'.repeat(50 * 1024 * 1024) + '"');
    const tooBig = await new Promise((r) => ws2.on('close', (c) => r(c)));
    assert.ok(tooBig === 1009 || tooBig === 1006, 'closed: ' + tooBig);
    // Still there, still serving.
    const client = await CDP({ port: t.port });
    assert.equal((await client.Runtime.evaluate({ expression: '"alive"' })).result.value, 'alive');
    await client.close();
    assert.equal((await t.stop()).code, 0);
  } finally {
    t.child.kill('SIGKILL');
  }
});

test('a large reply is one unfragmented frame (node inspect rejects fragments)', async () => {
  const t = await running();
  try {
    const raw = net.connect(t.port, '127.0.0.1');
    raw.write(`GET /${t.id} HTTP/1.1\r\nHost: 127.0.0.1:${t.port}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
              'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n');
    let data = Buffer.alloc(0);
    raw.on('data', (d) => { data = Buffer.concat([data, d]); });
    const until = async (ok) => { while (!ok()) { if (raw.destroyed) throw new Error('closed'); await sleep(10); } };
    await until(() => data.includes('\r\n\r\n'));
    data = data.subarray(data.indexOf('\r\n\r\n') + 4);
    // A masked text frame: Runtime.evaluate of a 20,000-character string.
    const body = Buffer.from(JSON.stringify({ id: 7, method: 'Runtime.evaluate', params: { expression: '"y".repeat(20000)' } }));
    const mask = [1, 2, 3, 4];
    assert.ok(body.length < 126);  // (a 7-bit length: a longer encoding than needed is a protocol error)
    raw.write(Buffer.concat([Buffer.from([0x81, 0x80 | body.length, ...mask]),
                             body.map((b, i) => b ^ mask[i % 4])]));
    // Frames until the reply with id 7: each must be final (FIN set, no continuation).
    for (;;) {
      await until(() => data.length >= 4);
      const fin = data[0] & 0x80, opcode = data[0] & 0x0f;
      let len = data[1] & 0x7f, head = 2;
      if (len === 126) { len = data.readUInt16BE(2); head = 4; } else if (len === 127) { await until(() => data.length >= 10); len = Number(data.readBigUInt64BE(2)); head = 10; }
      await until(() => data.length >= head + len);
      if (opcode === 8) assert.fail('closed: ' + (len >= 2 ? data.readUInt16BE(head) : '') + ' ' + data.subarray(head + 2, head + len).toString());
      assert.ok(fin, 'a fragmented frame (FIN not set)');
      assert.equal(opcode, 1, 'a text frame');
      const message = JSON.parse(data.subarray(head, head + len).toString());
      data = data.subarray(head + len);
      if (message.id === 7) {
        assert.equal(message.result.result.value.length, 20000);
        break;
      }
    }
    raw.destroy();
    assert.equal((await t.stop()).code, 0);
  } finally {
    t.child.kill('SIGKILL');
  }
});

test('a client that disconnects while the program is paused: the program resumes, its breakpoints gone', async () => {
  const dir = project({ 'app.js': 'for (let i = 0; i < 3; i++) {\n  console.log("i", i);\n}\n' });
  const t = await start(dir);
  const client = await CDP({ port: t.port });
  try {
    await client.Debugger.enable();
    await client.Debugger.setBreakpointByUrl({ urlRegex: 'app\\.js$', lineNumber: 1 });
    const paused = new Promise((r) => client.Debugger.paused(r));
    await client.Runtime.runIfWaitingForDebugger();
    await paused;  // break on start
    await client.Debugger.resume();
    await new Promise((r) => client.Debugger.paused(r));  // at the breakpoint
    client._ws.terminate();  // gone, no close handshake
    const exit = await Promise.race([t.exit, sleep(5000).then(() => ({ code: 'hung' }))]);
    assert.equal(exit.code, 0);
    assert.equal(t.stdout, 'i 0\ni 1\ni 2\n');
  } finally {
    t.child.kill('SIGKILL');
  }
});
