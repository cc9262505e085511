// An exception thrown in a socket's 'data' handler is uncaught: the error
// is printed, the exit status is 1, and nothing else runs.
const net = require('net');
const server = net.createServer((sock) => {
  sock.on('data', (d) => {
    console.log('server got', String(d));
    throw new Error('boom in data handler');
  });
  sock.on('close', () => console.log('not reached: close'));
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    console.log('connected');
    c.write('hello');
  });
  setTimeout(() => console.log('not reached: timer'), 10000);
});
