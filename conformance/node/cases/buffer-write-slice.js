// buf.write (offsets, lengths, encodings, partial characters), slice/subarray as shared views, equals, compare with ranges, copy and fill, with their argument errors.
function show(label, fn) {
  try { console.log(label, fn()); } catch (e) { console.log(label, `${e.name} ${e.code}: ${e.message}`); }
}
function w(label, size, ...args) {
  show(label, () => { const b = Buffer.alloc(size); const n = b.write(...args); return [n, b]; });
}
w('write', 8, 'hi');
w('write offset', 8, 'hi', 3);
w('write offset length', 8, 'hello', 1, 2);
w('write encoding as offset', 8, '6869', 'hex');
w('write encoding as length', 8, '6869', 2, 'hex');
w('write all args', 8, 'aGk=', 1, 5, 'base64');
w('write truncates utf8', 4, 'ab€');
w('write truncates utf16le', 5, 'abc', 'utf16le');
w('write latin1', 4, 'é€', 'latin1');
w('write offset end', 4, 'x', 4);
w('write offset past', 4, 'x', 5);
w('write negative offset', 4, 'x', -1);
w('write fraction offset', 4, 'x', 1.5);
w('write string offset', 4, 'x', '1', 1);
w('write length past', 4, 'abcdef', 1, 10);
w('write bad encoding', 4, 'x', 0, 1, 'nope');
w('write not string', 4, 5);
const b = Buffer.from('abcdef');
const s = b.slice(1, 4);
s[0] = 0x42;
show('slice shares', () => [b.toString(), s.toString()]);
show('slice negative', () => b.slice(-2).toString());
show('slice clamp', () => [b.slice(4, 100).toString(), b.slice(5, 2).length, b.slice().length]);
show('slice is Buffer', () => b.slice(1) instanceof Buffer);
const sub = b.subarray(2, 5);
sub[0] = 0x43;
show('subarray shares', () => [b.toString(), sub.toString(), sub.constructor.name, sub.byteOffset - b.byteOffset]);
show('equals', () => [Buffer.from('ab').equals(Buffer.from('ab')), Buffer.from('ab').equals(Buffer.from('abc')), Buffer.from('ab').equals(new Uint8Array([97, 98]))]);
show('equals bad', () => Buffer.from('a').equals('a'));
show('compare', () => [Buffer.from('b').compare(Buffer.from('a')), Buffer.from('abc').compare(Buffer.from('xbcx'), 1, 3, 1, 3)]);
show('compare ranges', () => [Buffer.from('abc').compare(Buffer.from('abc'), 0, 0), Buffer.from('abc').compare(Buffer.from('abc'), 0, 3, 1, 1)]);
show('compare bad target', () => Buffer.from('a').compare('a'));
show('compare bad targetEnd', () => Buffer.from('a').compare(Buffer.from('a'), 0, 5));
show('compare bad sourceStart', () => Buffer.from('a').compare(Buffer.from('a'), 0, 1, -1));
show('compare string start', () => Buffer.from('a').compare(Buffer.from('a'), '0'));
function c(label, ...args) {
  show(label, () => { const t = Buffer.alloc(6, '.'); const n = Buffer.from('abcd').copy(t, ...args); return [n, t.toString()]; });
}
c('copy');
c('copy targetStart', 4);
c('copy source range', 1, 1, 3);
c('copy targetStart past', 10);
c('copy negative targetStart', -1);
c('copy sourceStart past', 0, 5);
c('copy negative sourceEnd', 0, 0, -1);
c('copy fraction', 1.5, 0.5, 2.9);
c('copy strings', '1', '1', '3');
show('copy bad target', () => Buffer.from('a').copy('x'));
show('copy overlapping', () => { const o = Buffer.from('abcdef'); o.copy(o, 2, 0, 4); return o.toString(); });
function f(label, ...args) {
  show(label, () => Buffer.alloc(6).fill(...args));
}
f('fill number', 7);
f('fill number range', 7, 1, 3);
f('fill string', 'ab');
f('fill string offset', 'ab', 2);
f('fill string encoding', '6162', 'hex');
f('fill string offset encoding', '6162', 1, 'hex');
f('fill buffer', Buffer.from([1, 2, 3, 4]), 1);
f('fill uint8array', new Uint8Array([9]), 4);
f('fill bad hex', 'zz', 'hex');
f('fill empty buffer', Buffer.alloc(0));
f('fill bad offset', 1, -1);
f('fill bad end', 1, 0, 7);
f('fill string end', 1, '1');
f('fill bad encoding', 'a', 0, 6, 'nope');
f('fill encoding not string', 'a', 0, 6, 5);
f('fill offset >= end', 1, 4, 2);
f('fill boolean', true);
f('fill float', 3.7);
