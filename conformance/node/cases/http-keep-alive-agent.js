// Keep-alive: an Agent with keepAlive reuses one connection for sequential
// requests; the default agent of Node 20 keeps connections alive too; an
// agent without keepAlive sends Connection: close. http.get with a URL string.
const http = require('http');

let connections = 0;
const server = http.createServer((req, res) => {
  res.setHeader('Content-Type', 'text/plain');
  if (req.url === '/big') {
    for (let i = 0; i < 5; i++) res.write('x'.repeat(10000));
    res.end();
    return;
  }
  res.end(`${req.method} ${req.url} connection=${req.headers.connection}`);
});
server.on('connection', () => { connections++; });

function fetchText(url, options) {
  return new Promise((resolve, reject) => {
    http.get(url, options || {}, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolve({ res, body }));
    }).on('error', reject);
  });
}

server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  const agent = new http.Agent({ keepAlive: true });
  for (const path of ['/a', '/b', '/c']) {
    const { res, body } = await fetchText(base + path, { agent });
    console.log(res.statusCode, body, res.headers.connection, res.headers['keep-alive']);
  }
  console.log('connections after keep-alive agent:', connections);
  const big = await fetchText(base + '/big', { agent });
  console.log('big body length', big.body.length, big.res.headers['transfer-encoding']);
  console.log('connections still', connections);
  agent.destroy();

  const { body: viaDefault } = await fetchText(base + '/default');
  console.log(viaDefault);
  const closing = new http.Agent({ keepAlive: false });
  const { res, body } = await fetchText(base + '/close', { agent: closing });
  console.log(body, res.headers.connection);
  const { body: noAgent } = await fetchText(base + '/no-agent', { agent: false });
  console.log(noAgent);
  console.log('connections total', connections);
  server.close(() => console.log('closed'));
});
