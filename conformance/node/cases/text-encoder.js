// TextEncoder as a global (and util's): UTF-8 encode, lone surrogates as U+FFFD, encodeInto with whole characters only, bad arguments.
const t = (label, f) => { try { console.log(label, f()); } catch (e) { console.log(label, `${e.name} [${e.code}]: ${e.message}`); } };
const te = new TextEncoder();
console.log(te, te.encoding, Object.prototype.toString.call(te), require('util').TextEncoder === TextEncoder);
console.log(te.encode('héllo €𝄞'), te.encode(), te.encode(''), te.encode('\ud800x\udc00'));
console.log(te.encode(123), te.encode(null), te.encode({ toString() { return 'obj'; } }));
console.log(te.encode('abc') instanceof Uint8Array, Buffer.isBuffer(te.encode('abc')));
for (const size of [0, 1, 3, 4, 5, 8, 12]) {
  const dest = new Uint8Array(size);
  console.log('encodeInto', size, te.encodeInto('a€𝄞b', dest), dest);
}
const offset = new Uint8Array(10);
console.log(te.encodeInto('xyz', offset.subarray(4)), offset);
console.log(te.encodeInto('\ud83d', new Uint8Array(3)), te.encodeInto('\ud83d\ude00', new Uint8Array(3)));
t('encodeInto array', () => te.encodeInto('x', []));
t('encodeInto Uint16Array', () => te.encodeInto('x', new Uint16Array(2)));
t('encodeInto missing', () => te.encodeInto('x'));
const big = 'ab€'.repeat(100000);
console.log('big', te.encode(big).length, Buffer.from(big).equals(Buffer.from(te.encode(big))));
console.log(Object.keys(TextEncoder.prototype), typeof TextEncoder, Object.keys(globalThis).includes('TextEncoder'));
