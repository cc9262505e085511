// Bytes outside fs are Buffers too: child_process outputs (sync and exec) and inputs, process.stdout.write of a Buffer, crypto results, util.types on Buffers, structuredClone of a Buffer, querystring.unescapeBuffer, assert on Buffers.
const cp = require('child_process');
const util = require('util');
const out = cp.execSync('printf "a\\377"');
console.log('execSync', out, Buffer.isBuffer(out));
console.log('execSync utf8', JSON.stringify(cp.execSync('printf hi', { encoding: 'utf8' })));
console.log('input buffer', cp.execSync('cat', { input: Buffer.from([0x61, 0xff, 0x0a]) }));
console.log('input string', cp.execSync('cat', { input: 'é' }));
const r = cp.spawnSync('printf', ['xy']);
console.log('spawnSync', r.stdout, r.stderr, r.output);
console.log('spawnSync encoding', cp.spawnSync('printf', ['xy'], { encoding: 'hex' }).stdout);
process.stdout.write(Buffer.from('stdout buffer\n'));
process.stdout.write(new Uint8Array([0x75, 0x38, 0x0a]));
const crypto = require('crypto');
console.log('digest', crypto.createHash('sha256').update(Buffer.from('abc')).digest());
console.log('digest of bytes = digest of text', crypto.createHash('md5').update(Buffer.from('héllo')).digest('hex') === crypto.createHash('md5').update('héllo').digest('hex'));
console.log('randomBytes', crypto.randomBytes(4).length, Buffer.isBuffer(crypto.randomBytes(2)));
console.log('pbkdf2', crypto.pbkdf2Sync('pw', 'salt', 1, 8, 'sha1'));
console.log('types', util.types.isUint8Array(Buffer.alloc(1)), util.types.isTypedArray(Buffer.alloc(1)), util.types.isUint16Array(Buffer.alloc(2)), util.types.isArrayBufferView(Buffer.alloc(1)));
console.log('isDeepStrictEqual', util.isDeepStrictEqual(Buffer.from('a'), Buffer.from('a')), util.isDeepStrictEqual(Buffer.from('a'), Buffer.from('b')));
console.log('structuredClone', structuredClone(Buffer.from('sc')), structuredClone(new Uint16Array([1, 2])));
console.log('unescapeBuffer', require('querystring').unescapeBuffer('a%20b%ff'));
try {
  require('assert').deepStrictEqual(Buffer.from('a'), Buffer.from('b'));
} catch (e) {
  console.log(e.code);
}
cp.exec('printf "\\001\\002"', { encoding: 'buffer' }, (err, stdout, stderr) => {
  console.log('exec buffer', err, stdout, stderr);
  cp.exec('printf hi', (err2, stdout2) => {
    console.log('exec text', err2, JSON.stringify(stdout2));
    const child = cp.spawn('cat');
    const chunks = [];
    child.stdout.on('data', (d) => chunks.push(d));
    child.on('close', () => console.log('spawn cat', Buffer.concat(chunks)));
    child.stdin.end(Buffer.from([0xfe, 0x41, 0x00]));
  });
});
