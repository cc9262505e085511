// Buffer.alloc (with fill values and encodings), allocUnsafe, allocUnsafeSlow, poolSize and size errors.
function show(label, fn) {
  try { console.log(label, fn()); } catch (e) { console.log(label, `${e.name} ${e.code}: ${e.message}`); }
}
show('alloc', () => Buffer.alloc(4));
show('alloc fill number', () => Buffer.alloc(4, 257));
show('alloc fill string', () => Buffer.alloc(7, 'abc'));
show('alloc fill hex', () => Buffer.alloc(5, 'a1b2', 'hex'));
show('alloc fill base64', () => Buffer.alloc(4, 'aGk=', 'base64'));
show('alloc fill buffer', () => Buffer.alloc(5, Buffer.from([1, 2])));
show('alloc fill utf8 multibyte', () => Buffer.alloc(5, 'é'));
show('alloc fill bad hex', () => Buffer.alloc(4, 'zz', 'hex'));
show('alloc fill bad encoding', () => Buffer.alloc(4, 'a', 'nope'));
show('alloc fill empty string', () => Buffer.alloc(3, ''));
show('alloc fill true', () => Buffer.alloc(3, true));
show('alloc zero', () => Buffer.alloc(0, 'x'));
show('alloc negative', () => Buffer.alloc(-1));
show('alloc string size', () => Buffer.alloc('5'));
show('alloc NaN', () => Buffer.alloc(NaN));
show('alloc too big', () => Buffer.alloc(2 ** 33));
show('alloc fraction', () => Buffer.alloc(2.5).length);
show('allocUnsafe length', () => Buffer.allocUnsafe(10).length);
show('allocUnsafe pooled', () => Buffer.allocUnsafe(10).buffer.byteLength);
show('allocUnsafeSlow not pooled', () => Buffer.allocUnsafeSlow(10).buffer.byteLength);
show('allocUnsafe big not pooled', () => Buffer.allocUnsafe(5000).buffer.byteLength);
show('allocUnsafe bad', () => Buffer.allocUnsafe('1'));
show('allocUnsafeSlow bad', () => Buffer.allocUnsafeSlow(-5));
show('poolSize', () => Buffer.poolSize);
show('isBuffer', () => [Buffer.isBuffer(Buffer.alloc(1)), Buffer.isBuffer(new Uint8Array(1)), Buffer.isBuffer('x'), Buffer.isBuffer(null)]);
show('isEncoding', () => ['utf8', 'UTF-8', 'ucs2', 'binary', 'base64url', 'hex', 'latin1', 'ascii', 'utf16le', 'nope', '', 1, null].map((e) => Buffer.isEncoding(e)));
show('instanceof', () => [Buffer.alloc(1) instanceof Buffer, Buffer.alloc(1) instanceof Uint8Array]);
show('prototype chain', () => [Object.getPrototypeOf(Buffer.prototype) === Uint8Array.prototype, Buffer.name, Buffer.alloc(0).constructor === Buffer]);
