// An http server and client in one process: a POST with a streamed body,
// headers both ways (Date left out: it changes), and the events in order.
const http = require('http');

const server = http.createServer((req, res) => {
  console.log('server: request', req.method, req.url, 'HTTP/' + req.httpVersion);
  console.log('server: x-custom =', req.headers['x-custom'], 'names', req.rawHeaders.filter((_, i) => i % 2 === 0));
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (c) => { body += c; });
  req.on('end', () => {
    console.log('server: body', JSON.stringify(body), 'complete', req.complete);
    res.setHeader('X-Thing', 'yes');
    res.setHeader('Set-Cookie', ['a=1', 'b=2']);
    console.log('server: hasHeader', res.hasHeader('x-thing'), res.getHeader('X-THING'), res.getHeaderNames());
    console.log('server: headersSent before', res.headersSent);
    res.end('hello ' + body);
    console.log('server: headersSent after', res.headersSent);
  });
});
server.on('listening', () => console.log('server: listening'));
server.on('connection', () => console.log('server: connection'));
server.on('close', () => console.log('server: close'));

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const req = http.request({ port, host: '127.0.0.1', method: 'POST', path: '/p?q=1', headers: { 'X-Custom': 'b' } }, (res) => {
    console.log('client: status', res.statusCode, res.statusMessage, res.httpVersion);
    const h = { ...res.headers };
    delete h.date;
    console.log('client: headers', h);
    res.setEncoding('utf8');
    let d = '';
    res.on('data', (c) => { d += c; });
    res.on('end', () => {
      console.log('client: body', d);
      server.close(() => console.log('server: close callback'));
    });
  });
  req.on('socket', () => console.log('client: socket'));
  req.on('finish', () => console.log('client: finish'));
  req.write('abc');
  req.end('def');
});
