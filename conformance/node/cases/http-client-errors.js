// Client failures: a refused connection (Node's ECONNREFUSED error shape),
// a request destroyed before its response, a server that hangs up without
// answering ('socket hang up'), and a request timeout.
const http = require('http');
const net = require('net');

function describe(e) {
  return [e.name, e.code, e.syscall, e.address, typeof e.port, typeof e.errno].join(' ');
}

function refused() {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => {
        const req = http.get({ port, host: '127.0.0.1' }, () => console.log('unexpected response'));
        req.on('error', (e) => {
          console.log('refused:', describe(e), e.message.replace(String(port), 'PORT'));
        });
        req.on('close', () => { console.log('refused: close'); resolve(); });
      });
    });
  });
}

function hangUp() {
  return new Promise((resolve) => {
    const server = net.createServer((s) => s.once('data', () => s.destroy()));
    server.listen(0, '127.0.0.1', () => {
      const req = http.get({ port: server.address().port, host: '127.0.0.1' });
      req.on('response', () => console.log('unexpected response'));
      req.on('error', (e) => console.log('hang up:', e.message, e.code));
      req.on('close', () => { console.log('hang up: close'); server.close(resolve); });
    });
  });
}

function timeout() {
  return new Promise((resolve) => {
    const server = net.createServer((s) => s.on('data', () => {}));
    server.listen(0, '127.0.0.1', () => {
      const req = http.get({ port: server.address().port, host: '127.0.0.1', timeout: 100 });
      req.on('timeout', () => {
        console.log('timeout: fired');
        req.destroy();
      });
      req.on('error', (e) => console.log('timeout: error', e.message, e.code));
      req.on('close', () => { console.log('timeout: close'); server.close(resolve); });
    });
  });
}

function destroyedMidBody() {
  return new Promise((resolve) => {
    const server = http.createServer((req, res) => {
      res.write('part');
      req.on('close', () => console.log('mid body: server saw close'));
    });
    server.listen(0, '127.0.0.1', () => {
      const req = http.get({ port: server.address().port, host: '127.0.0.1' }, (res) => {
        res.on('data', (d) => {
          console.log('mid body: got', String(d));
          req.destroy();
        });
        res.on('error', (e) => console.log('mid body: res error', e.message, e.code));
        res.on('close', () => console.log('mid body: res close', res.complete));
      });
      req.on('close', () => setTimeout(() => { server.close(resolve); }, 100));
    });
  });
}

(async () => {
  await refused();
  await hangUp();
  await timeout();
  await destroyedMidBody();
  console.log('done');
})();
