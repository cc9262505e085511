// Float/Double and BigInt64/BigUInt64 LE/BE readers and writers, swap16/32/64.
function show(label, fn) {
  try { console.log(label, fn()); } catch (e) { console.log(label, `${e.name} ${e.code}: ${e.message}`); }
}
function wr(label, size, method, ...args) {
  show(label, () => { const o = Buffer.alloc(size); const r = o[method](...args); return [r, o]; });
}
wr('writeFloatLE', 4, 'writeFloatLE', 1.5);
wr('writeFloatBE', 5, 'writeFloatBE', -0.1, 1);
wr('writeDoubleLE', 8, 'writeDoubleLE', Math.PI);
wr('writeDoubleBE', 8, 'writeDoubleBE', -Infinity);
wr('writeFloat NaN', 4, 'writeFloatBE', NaN);
wr('writeFloat string', 4, 'writeFloatLE', '2.25');
wr('writeFloat overflow', 4, 'writeFloatLE', 1e40);
const d = Buffer.from([0x40, 0x09, 0x21, 0xfb, 0x54, 0x44, 0x2d, 0x18, 0x00]);
show('readDoubleBE', () => [d.readDoubleBE(0), d.readDoubleLE(1)]);
show('readFloat', () => [d.readFloatBE(0), d.readFloatLE(0), d.readFloatBE(5)]);
show('float round trip', () => { const o = Buffer.alloc(4); o.writeFloatLE(0.1); return o.readFloatLE(); });
wr('writeBigUInt64LE', 8, 'writeBigUInt64LE', 0x0102030405060708n);
wr('writeBigUInt64BE', 8, 'writeBigUInt64BE', 0xfffffffffffffffen);
wr('writeBigInt64LE', 8, 'writeBigInt64LE', -2n);
wr('writeBigInt64BE', 10, 'writeBigInt64BE', -(2n ** 63n), 2);
wr('writeBigUint64LE alias', 8, 'writeBigUint64LE', 5n);
const big = Buffer.from([0xff, 0xfe, 0xfd, 0xfc, 0xfb, 0xfa, 0xf9, 0xf8, 0x01]);
show('readBig', () => [big.readBigUInt64LE(), big.readBigUInt64BE(), big.readBigInt64LE(), big.readBigInt64BE(1), big.readBigUint64LE(1)]);
show('swap16', () => Buffer.from([1, 2, 3, 4]).swap16());
show('swap32', () => Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]).swap32());
show('swap64', () => Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]).swap64());
show('swap returns this', () => { const o = Buffer.alloc(2); return o.swap16() === o; });
show('swap empty', () => Buffer.alloc(0).swap64());
