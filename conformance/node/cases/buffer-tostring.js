// buf.toString in every encoding with start/end, invalid UTF-8 and lone surrogates replaced as Node does.
function show(label, fn) {
  try { console.log(label, JSON.stringify(fn())); } catch (e) { console.log(label, `${e.name} ${e.code}: ${e.message}`); }
}
const b = Buffer.from('héllo wörld 𝄞');
for (const enc of ['utf8', 'utf-8', 'hex', 'base64', 'base64url', 'latin1', 'binary', 'ascii', 'ucs2', 'utf16le', 'UTF8', 'Hex']) {
  show(enc, () => b.toString(enc));
}
show('start end', () => b.toString('utf8', 1, 5));
show('start past end', () => b.toString('utf8', 100));
show('end before start', () => b.toString('utf8', 5, 2));
show('negative start', () => b.toString('utf8', -3, 4));
show('fraction', () => b.toString('hex', 1.7, 3.2));
show('undefined encoding', () => b.toString(undefined, 0, 3));
show('bad encoding', () => b.toString('utf9'));
show('bad encoding empty range', () => b.toString('utf9', 5, 5));
show('invalid utf8', () => Buffer.from([0x61, 0xff, 0xc3, 0x28, 0xe2, 0x82, 0x62, 0xf0, 0x9f, 0x98]).toString());
show('overlong', () => Buffer.from([0xc0, 0xaf, 0xed, 0xa0, 0x80]).toString());
show('lone surrogates', () => Buffer.from('a\ud800b\udc00c').toString('hex'));
show('pair', () => Buffer.from('\ud83d\ude00').toString('hex'));
show('odd utf16le', () => Buffer.from([0x61, 0x00, 0x62]).toString('utf16le'));
show('ascii high bit', () => Buffer.from([0xe9, 0x41]).toString('ascii'));
show('latin1 in', () => Buffer.from('é€', 'latin1').toString('hex'));
show('ascii in', () => Buffer.from('é€', 'ascii').toString('hex'));
show('utf16le in', () => Buffer.from('a€', 'utf16le').toString('hex'));
show('hex in odd', () => Buffer.from('abc', 'hex').toString('hex'));
show('hex in bad', () => Buffer.from('12zz34', 'hex').toString('hex'));
show('base64 in', () => Buffer.from('aGVsbG8gd29ybGQ=', 'base64').toString());
show('base64 in no pad', () => Buffer.from('aGVsbG8', 'base64').toString());
show('base64 in url chars', () => Buffer.from('-_-_', 'base64').toString('hex'));
show('base64 in spaces', () => Buffer.from('aGVs\nbG8=', 'base64').toString());
show('base64url in', () => Buffer.from('aGk_', 'base64url').toString('hex'));
show('toLocaleString', () => Buffer.from('x').toLocaleString());
show('String()', () => String(Buffer.from('str')));
show('template', () => `${Buffer.from([0x61, 0x62])}`);
show('toJSON', () => Buffer.from([1, 2, 3]).toJSON());
show('JSON empty', () => JSON.stringify(Buffer.alloc(0)));
