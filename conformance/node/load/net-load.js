// Load test for net (ctest: net_load): one echo server and 200 concurrent
// clients, each pipelining 100 messages of varied sizes (1 to 256
// characters, a 32 KiB one for every 25th client; a third of them in
// multi-byte UTF-8) without waiting for replies. The server checks each
// connection's messages arrive complete and in order; each client checks its
// echo is byte-for-byte what it sent. Exit status 0 and one summary line on
// success; any loss, reordering, error or a 60 s stall fails (status 1).
// Runs under node too: `node conformance/node/load/net-load.js`.
'use strict';
const net = require('net');

const CLIENTS = Number(process.argv[2] || 200);
const MESSAGES = Number(process.argv[3] || 100);

function fail(why) {
  console.log('FAIL: ' + why);
  process.exit(1);
}

// Message `seq` of client `id`: "id:seq:payload\n", the payload's length and
// text derived from both, so every message differs.
function message(id, seq) {
  let size = ((id * 7919 + seq * 104729) % 256) + 1;
  if (id % 25 === 0 && seq === 50) size = 32768;
  const unit = (id + seq) % 3 === 0 ? 'é✓' : 'abcdefghij';
  let payload = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  return `${id}:${seq}:${payload}\n`;
}

const sentBy = [];  // sentBy[id][seq]: what client id sends
let serverMessages = 0;
const server = net.createServer((sock) => {
  sock.setEncoding('utf8');
  let pending = '';
  let owner = -1;
  let expected = 0;
  sock.on('data', (chunk) => {
    sock.write(chunk);  // echo at once, in the order it came
    pending += chunk;
    let start = 0, nl;
    while ((nl = pending.indexOf('\n', start)) >= 0) {
      const line = pending.slice(start, nl + 1);
      start = nl + 1;
      const colon = line.indexOf(':');
      const id = Number(line.slice(0, colon));
      const seq = Number(line.slice(colon + 1, line.indexOf(':', colon + 1)));
      if (owner === -1) owner = id;
      if (id !== owner) fail(`server: connection of client ${owner} got a message of client ${id}`);
      if (seq !== expected) fail(`server: client ${id} message ${seq} arrived, expected ${expected}`);
      if (line !== sentBy[id][seq]) fail(`server: client ${id} message ${seq} is corrupt`);
      expected++;
      serverMessages++;
    }
    if (start > 0) pending = pending.slice(start);
  });
  sock.on('end', () => {
    if (pending !== '') fail(`server: client ${owner} left a partial message`);
    if (expected !== MESSAGES) fail(`server: client ${owner} sent ${expected} messages, expected ${MESSAGES}`);
  });
  sock.on('error', (err) => fail('server socket: ' + err.message));
});
server.on('error', (err) => fail('server: ' + err.message));

let finished = 0;
let bytes = 0;
const started = Date.now();
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  for (let id = 0; id < CLIENTS; id++) {
    const sent = [];
    for (let seq = 0; seq < MESSAGES; seq++) sent.push(message(id, seq));
    sentBy[id] = sent;
    const all = sent.join('');
    const received = [];
    const c = net.connect(port, '127.0.0.1', () => {
      for (const m of sent) c.write(m);
      c.end();
    });
    c.setEncoding('utf8');
    c.on('data', (chunk) => received.push(chunk));
    c.on('end', () => {
      const echo = received.join('');
      if (echo.length !== all.length) fail(`client ${id}: ${echo.length} characters echoed, sent ${all.length}`);
      if (echo !== all) fail(`client ${id}: the echo differs from what was sent`);
      bytes += c.bytesRead;
    });
    c.on('error', (err) => fail(`client ${id}: ${err.message}`));
    c.on('close', (hadError) => {
      if (hadError) fail(`client ${id} closed with an error`);
      if (++finished === CLIENTS) {
        server.close(() => {
          if (serverMessages !== CLIENTS * MESSAGES) fail(`server saw ${serverMessages} messages`);
          console.log(`ok: ${CLIENTS} clients x ${MESSAGES} messages, ${bytes} bytes echoed in order ` +
            `(${Date.now() - started} ms)`);
        });
      }
    });
  }
});

setTimeout(() => fail(`stalled: ${finished} of ${CLIENTS} clients done after 60 s`), 60000).unref();
