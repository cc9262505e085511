// util.inspect and console.log of Buffers: <Buffer ..>, the 50-byte limit and INSPECT_MAX_BYTES, extra properties, nesting, subclasses.
const util = require('util');
const buffer = require('buffer');
console.log(Buffer.from('hello'));
console.log(Buffer.alloc(0));
console.log(Buffer.alloc(51));
console.log(Buffer.alloc(52, 1));
console.log([Buffer.from('a'), { b: Buffer.from([1, 2]) }]);
console.log(util.inspect(Buffer.from('xyz')), String(util.inspect({ nested: { deeper: Buffer.from('q') } }, { depth: 0 })));
const extra = Buffer.from('ab');
extra.tag = 'x';
console.log(extra);
const emptyExtra = Buffer.alloc(0);
emptyExtra.n = 1;
console.log(emptyExtra);
buffer.INSPECT_MAX_BYTES = 3;
console.log(Buffer.from('abcdef'));
buffer.INSPECT_MAX_BYTES = 50;
class MyBuf extends Buffer {}
console.log(Object.setPrototypeOf(Buffer.from('m'), MyBuf.prototype));
console.log(util.format('%s|%o', Buffer.from('s'), Buffer.from('o')).split('\n')[0]);
console.log(new Uint8Array(Buffer.from('u')));
console.log(Buffer.from('subarray').subarray(3));
console.log(typeof Buffer.prototype[util.inspect.custom]);
