// net errors, Node-style: EADDRINUSE, ECONNREFUSED, write after end, a peer
// that resets the connection, server.close() when not listening, and the
// errors thrown at once for bad arguments. Steps run one after another;
// port numbers are replaced by PORT.
const net = require('net');

function show(err, port) {
  const keys = Object.keys(err).join(',');
  return `${err.name} ${err.code} ${err.errno} ${err.syscall} ${err.address} port:${err.port === port}` +
    `\n    message: ${err.message.split(String(port)).join('PORT')}\n    own keys: ${keys}`;
}

function thrown(label, fn) {
  try {
    fn();
    console.log(label, 'did not throw');
  } catch (e) {
    console.log(label, '->', e.name, e.code, e.message);
  }
}

const steps = [
  function badArguments(next) {
    thrown('listen(70000)', () => net.createServer().listen(70000));
    thrown('connect(-1)', () => net.connect(-1));
    thrown('connect({port: "abc"})', () => net.connect({ port: 'abc' }));
    const s = new net.Socket();
    thrown('write(1)', () => s.write(1));
    thrown('write(null)', () => s.write(null));
    thrown('setEncoding("bogus")', () => s.setEncoding('bogus'));
    console.log('isIP', net.isIP('127.0.0.1'), net.isIP('::1'), net.isIP('nope'), net.isIPv4('1.2.3.4'), net.isIPv6('::'));
    next();
  },

  function closeNotRunning(next) {
    const s = net.createServer();
    s.on('close', () => console.log('close event of a server that never listened'));
    s.close((err) => {
      console.log('close callback:', err.name, err.code, err.message);
      next();
    });
  },

  function addressInUse(next) {
    const a = net.createServer();
    a.listen(0, () => {
      const port = a.address().port;
      console.log('a listens on', a.address().address, a.address().family);
      const b = net.createServer();
      b.on('listening', () => console.log('b: listening (unexpected)'));
      b.on('error', (err) => {
        console.log('b error:', show(err, port));
        console.log('b.listening', b.listening, 'b.address()', b.address());
        const c = net.createServer();
        c.listen(port, '127.0.0.1');
        c.on('error', (err) => {
          console.log('c error:', show(err, port));
          a.close(() => next(port));
        });
      });
      b.listen(port);
    });
  },

  function connectionRefused(next, port) {
    const events = [];
    const c = net.connect(port, '127.0.0.1', () => events.push('connect (unexpected)'));
    c.on('error', (err) => {
      events.push('error');
      console.log('connect error:', show(err, port));
    });
    c.on('close', (hadError) => {
      events.push('close ' + hadError);
      console.log('refused events:', events.join(', '), 'destroyed', c.destroyed);
      next();
    });
  },

  function writeAfterEnd(next) {
    const server = net.createServer((sock) => sock.resume());
    server.listen(0, '127.0.0.1', () => {
      const events = [];
      const c = net.connect(server.address().port, '127.0.0.1', () => {
        c.end();
        const r = c.write('too late', (err) => events.push('write callback ' + (err && err.code)));
        events.push('write returned ' + r);
      });
      c.on('error', (err) => events.push(`error ${err.name} ${err.code} "${err.message}"`));
      c.on('close', (hadError) => {
        events.push('close ' + hadError);
        console.log('write after end:\n  ' + events.join('\n  '));
        server.close(next);
      });
    });
  },

  function peerResets(next) {
    // The server drops each connection once data arrives; the client keeps
    // writing (allowHalfOpen, so the server's FIN does not end it) until the
    // kernel reports the reset.
    const server = net.createServer((sock) => sock.once('data', () => sock.destroy()));
    server.listen(0, '127.0.0.1', () => {
      const c = net.connect({ port: server.address().port, host: '127.0.0.1', allowHalfOpen: true });
      let writes = 0;
      let timer;
      const writeMore = () => {
        if (c.destroyed) return;
        c.write('x'.repeat(1024));
        if (++writes < 5000) timer = setTimeout(writeMore, 1);
      };
      c.on('connect', writeMore);
      c.on('error', (err) => {
        clearTimeout(timer);
        console.log('peer reset: error is EPIPE or ECONNRESET:', err.code === 'EPIPE' || err.code === 'ECONNRESET',
          '| syscall is write or read:', err.syscall === 'write' || err.syscall === 'read');
      });
      c.on('close', (hadError) => {
        console.log('peer reset: close', hadError);
        server.close(next);
      });
    });
  },
];

let i = 0;
function next(value) {
  if (i < steps.length) {
    const step = steps[i++];
    console.log(`--- ${step.name}`);
    step(next, value);
  } else {
    console.log('--- done');
  }
}
next();
