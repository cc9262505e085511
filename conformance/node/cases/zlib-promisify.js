// util.promisify of zlib's callback forms (what zlib/promises-style code does), with async/await and rejections.
const zlib = require('zlib');
const { promisify } = require('util');
const gzip = promisify(zlib.gzip);
const gunzip = promisify(zlib.gunzip);
const deflate = promisify(zlib.deflate);
const inflate = promisify(zlib.inflate);
const brotliCompress = promisify(zlib.brotliCompress);
const brotliDecompress = promisify(zlib.brotliDecompress);
(async () => {
  const text = JSON.stringify({ items: Array.from({ length: 300 }, (_, i) => ({ id: i, name: `item ${i}` })) });
  const packed = await gzip(text);
  console.log('gzip', Buffer.isBuffer(packed));
  console.log('gunzip', (await gunzip(packed)).toString() === text);
  console.log('deflate/inflate', (await inflate(await deflate(text, { level: 9 }))).toString() === text);
  console.log('brotli', (await brotliDecompress(await brotliCompress(text))).toString() === text);
  const all = await Promise.all(['a', 'bb', 'ccc'].map((s) => gzip(s.repeat(1000)).then(gunzip)));
  console.log('parallel', all.map((b) => b.length));
  try {
    await gunzip(Buffer.from('no gzip here'));
  } catch (e) {
    console.log('rejected', e.message, e.errno, e.code);
  }
  try {
    await inflate(await deflate('x'), { dictionary: 'nope' });
  } catch (e) {
    console.log('rejected', e.name, e.code);
  }
  const info = await gzip('info', { info: true });
  console.log('info', Object.keys(info), info.engine instanceof zlib.Gzip, info.engine.bytesWritten);
})();
