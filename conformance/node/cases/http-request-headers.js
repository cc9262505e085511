// How a server sees a request's headers: names lower-cased, duplicates by
// Node's rules (set-cookie an array, cookie joined with '; ', content-type
// first wins, others joined with ', '), rawHeaders as sent; a body split
// across several TCP writes, and a chunked request body.
const http = require('http');
const net = require('net');

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    console.log(req.method, req.url, req.headers);
    console.log('raw', req.rawHeaders);
    console.log('body', Buffer.concat(chunks).toString(), 'chunks are Buffers', chunks.every(Buffer.isBuffer));
    res.end();
  });
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const socket = net.connect(port, '127.0.0.1', () => {
    socket.write('POST /dup HTTP/1.1\r\nHost: h\r\nSet-Cookie: a=1\r\nset-cookie: b=2\r\nCookie: x=1\r\n');
    setTimeout(() => {
      socket.write('Cookie: y=2\r\nContent-Type: text/a\r\nContent-Type: text/b\r\nX-Many: 1\r\nX-Many: 2\r\n');
      socket.write('Content-Length: 11\r\n\r\nhello');
    }, 50);
    setTimeout(() => socket.write(' world'), 150);
    setTimeout(() => {
      socket.write('PUT /chunked HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n');
      socket.write('5\r\nabcde\r\n3;ext=1\r\nfgh\r\n0\r\n\r\n');
    }, 250);
  });
  socket.on('data', () => {});
  socket.on('end', () => { socket.end(); server.close(() => console.log('closed')); });
});
