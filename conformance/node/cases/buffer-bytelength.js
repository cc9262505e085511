// Buffer.byteLength for each encoding and for views and ArrayBuffers; Buffer.concat and Buffer.compare with their argument errors.
function show(label, fn) {
  try { console.log(label, fn()); } catch (e) { console.log(label, `${e.name} ${e.code}: ${e.message}`); }
}
const s = 'héllo €𝄞';
for (const enc of [undefined, 'utf8', 'ucs2', 'latin1', 'ascii', 'hex', 'base64', 'base64url', 'nope']) {
  show(`byteLength ${enc}`, () => Buffer.byteLength(s, enc));
}
show('byteLength base64 padded', () => [Buffer.byteLength('aGk=', 'base64'), Buffer.byteLength('aGVsbG8=', 'base64'), Buffer.byteLength('YQ==', 'base64')]);
show('byteLength hex odd', () => Buffer.byteLength('abc', 'hex'));
show('byteLength empty', () => Buffer.byteLength(''));
show('byteLength buffer', () => Buffer.byteLength(Buffer.alloc(7)));
show('byteLength typed array', () => Buffer.byteLength(new Uint32Array(3)));
show('byteLength DataView', () => Buffer.byteLength(new DataView(new ArrayBuffer(5))));
show('byteLength ArrayBuffer', () => Buffer.byteLength(new ArrayBuffer(9)));
show('byteLength number', () => Buffer.byteLength(5));
show('byteLength object', () => Buffer.byteLength({}));
show('concat', () => Buffer.concat([Buffer.from('ab'), new Uint8Array([99]), Buffer.from('d')]));
show('concat length short', () => Buffer.concat([Buffer.from('abc'), Buffer.from('def')], 4));
show('concat length long', () => Buffer.concat([Buffer.from('ab')], 5));
show('concat empty', () => Buffer.concat([]));
show('concat not array', () => Buffer.concat('ab'));
show('concat bad element', () => Buffer.concat([Buffer.from('a'), 'b']));
show('concat bad length', () => Buffer.concat([Buffer.from('a')], -1));
show('concat string length', () => Buffer.concat([Buffer.from('a')], '1'));
show('compare', () => [Buffer.compare(Buffer.from('a'), Buffer.from('b')), Buffer.compare(Buffer.from('b'), Buffer.from('a')),
  Buffer.compare(Buffer.from('ab'), Buffer.from('ab')), Buffer.compare(Buffer.from('a'), Buffer.from('ab'))]);
show('compare sort', () => [Buffer.from('c'), Buffer.from('a'), Buffer.from('ba')].sort(Buffer.compare).map(String));
show('compare bad first', () => Buffer.compare('a', Buffer.from('a')));
show('compare bad second', () => Buffer.compare(Buffer.from('a'), [1]));
show('constants', () => [require('buffer').kMaxLength === require('buffer').constants.MAX_LENGTH,
  typeof require('buffer').constants.MAX_STRING_LENGTH, require('buffer').INSPECT_MAX_BYTES]);
show('node: prefix', () => require('node:buffer').Buffer === Buffer);
show('exports', () => ['Buffer', 'SlowBuffer', 'kMaxLength', 'constants', 'atob', 'btoa', 'isUtf8', 'isAscii'].map((k) => typeof require('buffer')[k]));
show('isUtf8', () => [require('buffer').isUtf8(Buffer.from('é')), require('buffer').isUtf8(Buffer.from([0xff])), require('buffer').isUtf8(Buffer.from([0xe2, 0x82]))]);
show('isAscii', () => [require('buffer').isAscii(Buffer.from('abc')), require('buffer').isAscii(Buffer.from('é'))]);
show('isUtf8 bad', () => require('buffer').isUtf8('x'));
show('atob btoa', () => [require('buffer').btoa('hi'), require('buffer').atob('aGk=')]);
