// indexOf / lastIndexOf / includes with strings (and encodings), numbers and buffers, offsets counted from either end, and bad values.
function show(label, fn) {
  try { console.log(label, fn()); } catch (e) { console.log(label, `${e.name} ${e.code}: ${e.message}`); }
}
const b = Buffer.from('this is a buffer, a buffer');
show('string', () => [b.indexOf('is'), b.indexOf('buffer'), b.indexOf('nope'), b.indexOf('')]);
show('string offset', () => [b.indexOf('is', 3), b.indexOf('buffer', 11), b.indexOf('buffer', -6), b.indexOf('a', -100)]);
show('string past end', () => [b.indexOf('a', 100), b.indexOf('', 100), b.indexOf('', 5)]);
show('number', () => [b.indexOf(0x61), b.indexOf(97 + 256), b.indexOf(-159), b.indexOf(3.5)]);
show('buffer', () => [b.indexOf(Buffer.from('a b')), b.indexOf(new Uint8Array([102, 101])), b.indexOf(Buffer.alloc(0))]);
show('encoding', () => [b.indexOf('6275', 'hex'), b.indexOf('6275', 5, 'hex'), b.indexOf('YnVm', 'base64'), b.indexOf('is', 0, 'latin1')]);
show('utf8 needle', () => Buffer.from('añb€c').indexOf('€'));
show('lastIndexOf', () => [b.lastIndexOf('buffer'), b.lastIndexOf('buffer', 20), b.lastIndexOf('buffer', -10), b.lastIndexOf('t'), b.lastIndexOf('zz')]);
show('lastIndexOf number', () => [b.lastIndexOf(0x61), b.lastIndexOf(0x61, 5), b.lastIndexOf(0x74, -100)]);
show('lastIndexOf empty', () => [b.lastIndexOf(''), b.lastIndexOf('', 3), b.lastIndexOf(Buffer.alloc(0), -1)]);
show('lastIndexOf NaN offset', () => [b.lastIndexOf('a', NaN), b.indexOf('a', NaN), b.lastIndexOf('a', null), b.indexOf('s', {})]);
show('includes', () => [b.includes('buffer'), b.includes('buffer', 22), b.includes(0x2c), b.includes(Buffer.from('z'))]);
show('empty haystack', () => [Buffer.alloc(0).indexOf('a'), Buffer.alloc(0).indexOf(''), Buffer.alloc(0).lastIndexOf(0)]);
show('bad value', () => b.indexOf({}));
show('bad value null', () => b.includes(null));
show('bad encoding', () => b.indexOf('a', 0, 'nope'));
show('bad encoding buffer needle', () => b.indexOf(Buffer.from('a'), 0, 'nope'));
