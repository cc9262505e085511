// Buffer.from with every kind of source (string + encoding, array, array-like, ArrayBuffer with offset/length, Buffer, JSON form, valueOf/toPrimitive objects) and its bad arguments.
function show(label, fn) {
  try { console.log(label, fn()); } catch (e) { console.log(label, `${e.name} ${e.code}: ${e.message}`); }
}
show('utf8', () => Buffer.from('héllo €𝄞'));
show('default', () => Buffer.from('abc', undefined));
show('empty', () => Buffer.from(''));
show('array', () => Buffer.from([1, 2, 255, 256, -1, 3.7, '7', 'x', null]));
show('array-like', () => Buffer.from({ length: 3, 0: 9, 1: 8 }));
show('array-like bad length', () => Buffer.from({ length: 'x', 0: 1 }));
const ab = new ArrayBuffer(8);
new Uint8Array(ab).set([0, 1, 2, 3, 4, 5, 6, 7]);
show('arraybuffer', () => Buffer.from(ab));
show('arraybuffer offset', () => Buffer.from(ab, 2));
show('arraybuffer offset length', () => Buffer.from(ab, 2, 3));
show('arraybuffer NaN offset', () => Buffer.from(ab, 'x', 2));
show('arraybuffer offset too big', () => Buffer.from(ab, 9));
show('arraybuffer length too big', () => Buffer.from(ab, 2, 7));
show('arraybuffer negative length', () => Buffer.from(ab, 2, -1).length);
const shared = Buffer.from(ab, 1, 2);
new Uint8Array(ab)[1] = 99;
show('arraybuffer shares memory', () => shared[0]);
const src = Buffer.from('copy');
const copy = Buffer.from(src);
src[0] = 0x43;
show('buffer copies', () => [copy.toString(), src.toString()]);
show('uint16array', () => Buffer.from(new Uint16Array([1, 258, 65535])));
show('json form', () => Buffer.from({ type: 'Buffer', data: [104, 105] }));
show('String object', () => Buffer.from(new String('obj')));
show('toPrimitive', () => Buffer.from({ [Symbol.toPrimitive]: () => 'prim' }));
show('valueOf', () => Buffer.from({ valueOf: () => 'val' }));
show('number', () => Buffer.from(5));
show('null', () => Buffer.from(null));
show('undefined', () => Buffer.from());
show('plain object', () => Buffer.from({}));
show('symbol', () => Buffer.from(Symbol('s')));
show('function', () => Buffer.from(() => 1));
show('bad encoding', () => Buffer.from('x', 'utf9'));
show('empty bad encoding', () => Buffer.from('', 'nope'));
show('Buffer.of', () => Buffer.of(1, 2, 300));
show('copyBytesFrom', () => Buffer.copyBytesFrom(new Uint16Array([1, 2, 3]), 1, 1));
show('copyBytesFrom bad', () => Buffer.copyBytesFrom([1, 2]));
show('constructor string', () => Buffer('old'));
show('constructor number', () => new Buffer(3));
show('constructor number with encoding', () => Buffer(3, 'utf8'));
