// ArrayBuffer, SharedArrayBuffer and DataView: lengths, slicing, byte order, resizing, bad arguments.
const hex = (u8) => Array.from(u8, (b) => b.toString(16).padStart(2, '0')).join(' ');

const buf = new ArrayBuffer(16);
const dv = new DataView(buf, 2, 12);
dv.setUint16(0, 0x1234);
dv.setUint16(2, 0x1234, true);
dv.setInt32(4, -2);
dv.setFloat64(4, Math.PI, true);
console.log(`bytes: ${hex(new Uint8Array(buf))}`);
console.log(`reads: ${dv.getUint16(0)} ${dv.getUint16(0, true)} ${dv.getInt8(0)} ${dv.getFloat64(4, true)} ${dv.getBigUint64(4)}`);
console.log(`dv: ${dv.byteOffset} ${dv.byteLength} ${dv.buffer === buf}`);
for (const bad of [() => dv.getUint32(10), () => dv.setInt8(-1, 0), () => new DataView(buf, 17), () => new DataView({})]) {
  try { bad(); console.log('no error'); } catch (e) { console.log(`error: ${e.name}`); }
}

const s = buf.slice(2, 6);
console.log(`slice: ${s.byteLength} ${hex(new Uint8Array(s))} ${buf.slice(-2).byteLength} ${buf.slice(10, 2).byteLength}`);
console.log(`isView: ${ArrayBuffer.isView(dv)} ${ArrayBuffer.isView(new Int8Array(1))} ${ArrayBuffer.isView(buf)}`);

const rab = new ArrayBuffer(2, { maxByteLength: 8 });
console.log(`resizable: ${rab.resizable} ${rab.maxByteLength} ${buf.resizable} ${buf.maxByteLength}`);
const rdv = new DataView(rab);
rab.resize(8);
rdv.setUint8(7, 7);
console.log(`after grow: ${rab.byteLength} ${rdv.byteLength} ${rdv.getUint8(7)}`);
try { rab.resize(9); } catch (e) { console.log(`resize past max: ${e.name}`); }
rab.resize(1);
try { rdv.getUint8(0); console.log('read ok'); } catch (e) { console.log(`view read: ${e.name}`); }

const sab = new SharedArrayBuffer(4, { maxByteLength: 8 });
const si = new Int16Array(sab);
si[1] = -5;
sab.grow(8);
console.log(`shared: ${sab.byteLength} ${sab.growable} ${si.length} ${si[1]} ${Object.prototype.toString.call(sab)}`);
try { sab.grow(2); } catch (e) { console.log(`shrink: ${e.name}`); }

for (const bad of [() => ArrayBuffer(1), () => new ArrayBuffer(-1), () => new ArrayBuffer(2, { maxByteLength: 1 }), () => new Uint8Array(new ArrayBuffer(3), 1, 4), () => new Uint16Array(new ArrayBuffer(3)), () => new Uint16Array(new ArrayBuffer(4), 1)]) {
  try { bad(); console.log('no error'); } catch (e) { console.log(`error: ${e.name}`); }
}
