// zlib.constants and zlib.codes (ZLIB_VERNUM depends on the zlib linked, so it is left out), the old top-level constants, and crc32.
const zlib = require('zlib');
const { ZLIB_VERNUM, ...rest } = zlib.constants;
console.log(typeof ZLIB_VERNUM, rest);
console.log(Object.getPrototypeOf(zlib.constants), Object.isFrozen(zlib.constants), Object.isFrozen(zlib.codes));
console.log(zlib.codes);
console.log(zlib.Z_SYNC_FLUSH, zlib.Z_BEST_COMPRESSION, zlib.DEFLATE, Object.keys(zlib).includes('Z_SYNC_FLUSH'));
console.log(Object.keys(zlib));
console.log(zlib.crc32(''), zlib.crc32('hello'), zlib.crc32('héllo €'), zlib.crc32(Buffer.from('hello')));
console.log(zlib.crc32('world', zlib.crc32('hello ')), zlib.crc32('hello world'));
console.log(zlib.crc32(new Uint16Array([1, 2, 3])), zlib.crc32(new DataView(new ArrayBuffer(4))), zlib.crc32('x', 4294967295));
const big = Buffer.alloc(1 << 20, 'abc');
console.log(zlib.crc32(big));
