// Node's errors for bad arguments to http: header names and values, headers
// after they are sent, status codes, methods, protocols, request paths.
const http = require('http');

function attempt(label, fn) {
  try {
    const r = fn();
    console.log(label, 'ok', r === undefined ? '' : r);
  } catch (e) {
    console.log(label, '->', e.name, e.code, e.message);
  }
}

console.log('STATUS_CODES', http.STATUS_CODES[200], http.STATUS_CODES[404], http.STATUS_CODES[418], http.STATUS_CODES[999]);
console.log('METHODS', http.METHODS.length > 30, http.METHODS.includes('GET'), http.METHODS.includes('PATCH'), http.METHODS[0]);
attempt('validateHeaderName bad', () => http.validateHeaderName('bad name'));
attempt('validateHeaderValue undefined', () => http.validateHeaderValue('x', undefined));
attempt('validateHeaderValue newline', () => http.validateHeaderValue('x', 'a\nb'));
attempt('protocol https', () => http.request('https://127.0.0.1:1/'));
attempt('protocol ftp option', () => http.request({ protocol: 'ftp:', port: 1 }));
attempt('bad method', () => http.request({ port: 1, method: 'GE T' }));
attempt('method type', () => http.request({ port: 1, method: 5 }));
attempt('unescaped path', () => http.request({ port: 1, path: '/a b' }));
attempt('bad agent', () => http.request({ port: 1, agent: 'x' }));
attempt('createServer options', () => http.createServer(5));

const server = http.createServer((req, res) => {
  attempt('setHeader empty name', () => res.setHeader('', 'v'));
  attempt('setHeader bad token', () => res.setHeader('a:b', 'v'));
  attempt('setHeader undefined value', () => res.setHeader('x-a', undefined));
  attempt('setHeader bad char', () => res.setHeader('x-a', 'line\r\nbreak'));
  attempt('getHeader number', () => res.getHeader(5));
  attempt('hasHeader number', () => res.hasHeader(5));
  attempt('writeHead 99', () => res.writeHead(99));
  attempt('writeHead 1000', () => res.writeHead(1000));
  attempt('write number', () => res.write(5));
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  attempt('setHeader after send', () => res.setHeader('x-late', '1'));
  attempt('removeHeader after send', () => res.removeHeader('content-type'));
  attempt('writeHead twice', () => res.writeHead(201));
  res.end('done');
  res.on('error', (e) => console.log('res error', e.code, e.message));
  res.write('late', (e) => console.log('write-after-end callback', e && e.code));
});

server.listen(0, '127.0.0.1', () => {
  http.get({ port: server.address().port, host: '127.0.0.1' }, (res) => {
    res.resume();
    res.on('end', () => {
      console.log('client status', res.statusCode, res.headers['content-type']);
      server.close();
    });
  });
});
