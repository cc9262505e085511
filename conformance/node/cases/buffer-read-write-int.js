// Integer readers and writers: (U)Int8/16/32 LE/BE, (U)IntLE/BE with byteLength 1-6, Node's aliases, round trips and return values.
function show(label, fn) {
  try { console.log(label, fn()); } catch (e) { console.log(label, `${e.name} ${e.code}: ${e.message}`); }
}
const b = Buffer.from([0x01, 0x82, 0xf3, 0x04, 0xa5, 0xff, 0x70, 0x80]);
for (const m of ['readUInt8', 'readInt8', 'readUInt16LE', 'readUInt16BE', 'readInt16LE', 'readInt16BE',
  'readUInt32LE', 'readUInt32BE', 'readInt32LE', 'readInt32BE', 'readUint8', 'readUint16LE', 'readUint32BE']) {
  show(m, () => [b[m](), b[m](1), b[m](4)]);
}
for (const n of [1, 2, 3, 4, 5, 6]) {
  show(`readUIntLE ${n}`, () => [b.readUIntLE(0, n), b.readUIntBE(0, n), b.readIntLE(1, n), b.readIntBE(2, n)]);
}
show('readUintBE alias', () => b.readUintBE(1, 3));
function wr(label, size, method, ...args) {
  show(label, () => { const o = Buffer.alloc(size); const r = o[method](...args); return [r, o]; });
}
wr('writeUInt8', 2, 'writeUInt8', 255, 1);
wr('writeInt8', 2, 'writeInt8', -128);
wr('writeUInt16LE', 3, 'writeUInt16LE', 0xabcd, 1);
wr('writeUInt16BE', 3, 'writeUInt16BE', 0xabcd, 1);
wr('writeInt16LE', 2, 'writeInt16LE', -2);
wr('writeInt16BE', 2, 'writeInt16BE', -32768);
wr('writeUInt32LE', 4, 'writeUInt32LE', 0xdeadbeef);
wr('writeUInt32BE', 4, 'writeUInt32BE', 0xdeadbeef);
wr('writeInt32LE', 4, 'writeInt32LE', -123456789);
wr('writeInt32BE', 4, 'writeInt32BE', 2147483647);
wr('writeUIntLE 3', 4, 'writeUIntLE', 0x123456, 1, 3);
wr('writeUIntBE 6', 6, 'writeUIntBE', 0x123456789abc, 0, 6);
wr('writeIntLE 6', 6, 'writeIntLE', -0x123456789abc, 0, 6);
wr('writeIntBE 5', 5, 'writeIntBE', -1, 0, 5);
wr('writeUint16BE alias', 2, 'writeUint16BE', 258);
wr('write string value', 2, 'writeUInt16LE', '513');
wr('write fraction value', 1, 'writeUInt8', 3.9);
wr('write NaN value', 1, 'writeUInt8', 'x');
show('round trip', () => {
  const o = Buffer.alloc(6);
  o.writeIntBE(-123456789012, 0, 6);
  return [o.readIntBE(0, 6), o.readIntLE(0, 6), o.readUIntBE(0, 6)];
});
