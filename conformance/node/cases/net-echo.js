// net: an echo server and a client on port 0. Each side's events in order
// (connect, data, end, finish, close) are logged apart and printed when
// both sockets and the server are closed, so the interleaving of the two
// sides does not matter. No port numbers are printed.
const net = require('net');

const serverLog = [];
const clientLog = [];
let closed = 0;
function closedOne() {
  if (++closed < 3) return;
  console.log('server side:\n  ' + serverLog.join('\n  '));
  console.log('client side:\n  ' + clientLog.join('\n  '));
}

const server = net.createServer((sock) => {
  const log = (m) => serverLog.push(m);
  log('connection from ' + sock.remoteFamily + ' ' + (typeof sock.remotePort) + ' ' + sock.remoteAddress);
  log('server.listening ' + server.listening + ', localPort matches ' + (sock.localPort === server.address().port));
  sock.on('data', (d) => {
    log('data ' + JSON.stringify(String(d)));
    const ok = sock.write(String(d).toUpperCase());
    log('write returned ' + ok);
  });
  sock.on('end', () => log('end, bytesRead ' + sock.bytesRead));
  sock.on('finish', () => log('finish, bytesWritten ' + sock.bytesWritten));
  sock.on('close', (hadError) => {
    log('close ' + hadError + ', destroyed ' + sock.destroyed);
    server.close(() => {
      log('server close callback, listening ' + server.listening);
      closedOne();
    });
  });
});
server.on('listening', () => serverLog.push('listening'));
server.on('close', () => serverLog.push('server close event'));

console.log('address before listen:', server.address());
server.listen(0, '127.0.0.1', () => {
  const a = server.address();
  console.log('listening on', a.address, a.family, typeof a.port, a.port > 0);
  const client = net.connect({ port: a.port, host: '127.0.0.1' }, () => clientLog.push('connect callback'));
  const log = (m) => clientLog.push(m);
  log('connecting ' + client.connecting + ', pending ' + client.pending);
  client.setEncoding('utf8');
  client.setNoDelay(true);
  client.setKeepAlive(true);
  let step = 0;
  client.on('connect', () => {
    log('connect, remotePort matches ' + (client.remotePort === a.port) + ', connecting ' + client.connecting);
    log('write returned ' + client.write('héllo, wörld ✓', () => log('write callback')));
  });
  client.on('ready', () => log('ready'));
  client.on('data', (d) => {
    log('data ' + typeof d + ' ' + JSON.stringify(d));
    step++;
    if (step === 1) client.write('second');
    if (step === 2) client.write('last');
    if (step === 3) client.end(() => log('end callback'));
  });
  client.on('end', () => log('end, bytesRead ' + client.bytesRead + ', bytesWritten ' + client.bytesWritten));
  client.on('finish', () => log('finish'));
  client.on('close', (hadError) => {
    log('close ' + hadError + ', readyState ' + client.readyState);
    closedOne();
  });
});
server.on('close', () => closedOne());
