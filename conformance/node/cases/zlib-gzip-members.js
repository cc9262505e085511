// gunzip/unzip read concatenated gzip members; zero padding after a member is ignored, other trailing bytes are a header error; unzip detects zlib or gzip.
const zlib = require('zlib');
const a = zlib.gzipSync('first,');
const b = zlib.gzipSync('second,');
const c = zlib.gzipSync('third');
const show = (label, fn) => {
  try { console.log(label, JSON.stringify(fn().toString())); } catch (e) { console.log(label, e.message, e.code); }
};
show('members', () => zlib.gunzipSync(Buffer.concat([a, b, c])));
show('unzip members', () => zlib.unzipSync(Buffer.concat([a, b])));
show('zero padding', () => zlib.gunzipSync(Buffer.concat([a, Buffer.alloc(16)])));
show('garbage', () => zlib.gunzipSync(Buffer.concat([a, Buffer.from('junk')])));
show('unzip zlib', () => zlib.unzipSync(zlib.deflateSync('zlib wrapped')));
show('unzip gzip', () => zlib.unzipSync(zlib.gzipSync('gzip wrapped')));
show('unzip raw', () => zlib.unzipSync(zlib.deflateRawSync('raw')));
const g = zlib.createGunzip();
let out = '';
g.on('data', (d) => { out += d; });
g.on('end', () => console.log('stream members', JSON.stringify(out)));
const all = Buffer.concat([a, b, c]);
g.write(all.subarray(0, a.length + 5));
g.end(all.subarray(a.length + 5));
