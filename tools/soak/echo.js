// Soak workload for net (tools/soak.mjs): rounds of a TCP echo server and
// 20 clients each sending 50 messages of varied sizes and checking the echo,
// until SECONDS have passed. After each round prints one line:
//   round N rss BYTES heap BYTES messages M
// Exits 1 naming the problem on any lost, corrupt or reordered byte.
'use strict';
const net = require('net');

const seconds = Number(process.argv[2] || 10);
const CLIENTS = 20, MESSAGES = 50;
const deadline = Date.now() + seconds * 1000;

function fail(why) {
  console.log('FAIL: ' + why);
  process.exit(1);
}

function message(round, id, seq) {
  const size = ((round * 31 + id * 7919 + seq * 104729) % 512) + 1;
  const unit = (id + seq) % 3 === 0 ? 'é✓' : 'abcdefghij';
  return `${id}:${seq}:` + unit.repeat(Math.ceil(size / unit.length)).slice(0, size) + '\n';
}

const server = net.createServer((sock) => {
  sock.on('data', (chunk) => sock.write(chunk));
  sock.on('error', (err) => fail('server socket: ' + err.message));
});

let round = 0, total = 0;
function runRound(port) {
  round++;
  let done = 0;
  for (let id = 0; id < CLIENTS; id++) {
    const sent = [];
    for (let seq = 0; seq < MESSAGES; seq++) sent.push(message(round, id, seq));
    const expected = sent.join('');
    let got = '';
    const client = net.connect(port, '127.0.0.1', () => {
      for (const m of sent) client.write(m);
    });
    client.setEncoding('utf8');
    client.on('data', (chunk) => {
      got += chunk;
      if (got.length >= expected.length) client.end();
    });
    client.on('error', (err) => fail('client: ' + err.message));
    client.on('close', () => {
      if (got !== expected) fail(`round ${round} client ${id}: the echo differs (${got.length} of ${expected.length} characters)`);
      total += MESSAGES;
      if (++done === CLIENTS) finishRound(port);
    });
  }
}

function finishRound(port) {
  const m = process.memoryUsage();
  console.log(`round ${round} rss ${m.rss} heap ${m.heapUsed} messages ${total}`);
  if (Date.now() < deadline) setImmediate(() => runRound(port));
  else server.close();
}

server.listen(0, '127.0.0.1', () => runRound(server.address().port));
