// 10,000 TCP echo round trips on one connection: the client sends a line,
// waits for it to come back, then sends the next.
const net = require('net');
const N = 10000;
const server = net.createServer((socket) => socket.on('data', (d) => socket.write(d)));
server.listen(0, '127.0.0.1', () => {
  const client = net.connect(server.address().port, '127.0.0.1');
  client.setEncoding('utf8');
  let sent = 0, received = '', start;
  const send = () => client.write(`message ${sent++}\n`);
  client.on('connect', () => {
    start = process.hrtime.bigint();
    send();
  });
  client.on('data', (chunk) => {
    received += chunk;
    if (!received.endsWith('\n')) return;
    if (received !== `message ${sent - 1}\n`) throw new Error(`echo mismatch: ${received}`);
    received = '';
    if (sent < N) return send();
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    console.log(`round trips ${sent}`);
    console.log(`elapsed ${ms.toFixed(1)}`);
    client.end();
    server.close();
  });
});
