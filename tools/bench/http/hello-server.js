// The server tools/bench/http.mjs loads: 'hello world' with a Content-Type,
// on a port the system picks, printed as `listening PORT`.
const http = require('http');

const server = http.createServer((req, res) => {
  res.setHeader('Content-Type', 'text/plain');
  res.end('hello world');
});
server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
