// fs returns Buffers: readFileSync/readFile/promises.readFile without an encoding; writeFileSync/appendFileSync accept Buffers and typed arrays, bytes kept exactly.
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glass-buffer-fs-'));
const file = path.join(dir, 'data.bin');
const bytes = Buffer.from([0, 1, 0x7f, 0x80, 0xc3, 0xa9, 0xff, 0x0a]);
fs.writeFileSync(file, bytes);
const back = fs.readFileSync(file);
console.log(back, Buffer.isBuffer(back), back.length, back.equals(bytes));
console.log(back.toString('hex'), back.readUInt16BE(2));
fs.appendFileSync(file, new Uint8Array([0x41, 0x42]));
fs.appendFileSync(file, new Uint16Array([0x4443]));
console.log(fs.readFileSync(file));
fs.writeFileSync(file, new DataView(new Uint8Array([104, 105]).buffer));
console.log(fs.readFileSync(file, 'utf8'), fs.readFileSync(file, { encoding: null }));
fs.writeFileSync(file, Buffer.from('{"a":[1,2]}'));
console.log(JSON.parse(fs.readFileSync(file)).a, String(fs.readFileSync(file)));
const big = Buffer.alloc(20000, 'xyz');
fs.writeFileSync(file, big);
console.log(fs.readFileSync(file).equals(big), fs.statSync(file).size);
try { fs.writeFileSync(file, 123); } catch (e) { console.log(e.code, e.message); }
try { fs.writeFileSync(file, { a: 1 }); } catch (e) { console.log(e.code, e.message); }
fs.readFile(file, (err, data) => {
  console.log('callback', err, Buffer.isBuffer(data), data.length, data.subarray(0, 4));
  fs.promises.readFile(file).then((data2) => {
    console.log('promise', Buffer.isBuffer(data2), data2.slice(-3).toString());
    fs.rmSync(dir, { recursive: true });
  });
});
