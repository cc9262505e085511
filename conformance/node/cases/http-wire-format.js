// What a glass server puts on the wire, read by a raw TCP client: the status
// line, the headers Node adds (Connection, Keep-Alive, Content-Length or
// Transfer-Encoding: chunked), HEAD and 204 without a body, pipelined
// requests answered in order, and HTTP/1.0 closing the connection.
const http = require('http');
const net = require('net');

const server = http.createServer((req, res) => {
  if (req.url === '/chunked') {
    res.write('first,');
    res.write(Buffer.from('second,'));
    res.end('third');
  } else if (req.url === '/no-content') {
    res.writeHead(204, { 'X-A': '1' });
    res.end();
  } else if (req.url === '/head') {
    res.setHeader('Content-Type', 'text/plain');
    res.end('not sent for HEAD');
  } else if (req.url === '/custom') {
    res.statusCode = 418;
    res.writeHead(res.statusCode, 'Short And Stout', [['X-List', 'a'], ['X-List', 'b']].flat());
    res.end('tea');
  } else {
    res.end('plain ' + req.url);
  }
});

function show(label, text) {
  console.log('--- ' + label);
  console.log(text.replace(/\r\nDate: [^\r]*/g, '\r\nDate: <date>').replace(/\r\n/g, '\\r\\n\n'));
}

// Sends request; resolves with what came back, once the server ended the
// connection or (kept alive) once `last` arrived.
function raw(port, request, last) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    let got = '';
    socket.setEncoding('latin1');
    socket.on('data', (d) => {
      got += d;
      if (last !== undefined && got.endsWith(last)) {
        socket.destroy();
        resolve(got + '<still open>');
      }
    });
    socket.on('end', () => { socket.end(); resolve(got + '<end>'); });
  });
}

server.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();
  show('chunked', await raw(port, 'GET /chunked HTTP/1.1\r\nHost: x\r\n\r\n', '0\r\n\r\n'));
  show('204', await raw(port, 'GET /no-content HTTP/1.1\r\nHost: x\r\n\r\n', '\r\n\r\n'));
  show('HEAD', await raw(port, 'HEAD /head HTTP/1.1\r\nHost: x\r\n\r\n', '\r\n\r\n'));
  show('custom', await raw(port, 'GET /custom HTTP/1.1\r\nHost: x\r\n\r\n', '0\r\n\r\n'));
  show('pipelined', await raw(port, 'GET /one HTTP/1.1\r\nHost: x\r\n\r\nGET /two HTTP/1.1\r\nHost: x\r\n\r\n', 'plain /two'));
  show('http/1.0', await raw(port, 'GET /old HTTP/1.0\r\n\r\n'));
  show('connection close', await raw(port, 'GET /bye HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'));
  server.close();
});
