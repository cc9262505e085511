// Buffer.compare, buf.compare with ranges, buf.equals and indexOf/lastIndexOf over large buffers (done with memcmp and a byte search in the binding).
const size = 1024 * 1024;
const a = Buffer.alloc(size, 7), b = Buffer.alloc(size, 7);
console.log(a.equals(b), Buffer.compare(a, b), a.compare(b, 0, 5, 1, 3));
b[b.length - 1] = 9;
console.log(a.equals(b), Buffer.compare(a, b), Buffer.compare(b, a), b.compare(a, 1), a.compare(b, 0, 3, 0, 3));
console.log(a.compare(b, size, size), a.compare(b, 0, 0, 0, 0), Buffer.compare(Buffer.alloc(0), Buffer.alloc(1)));
const u8 = new Uint8Array([1, 2, 3]);
console.log(Buffer.from([1, 2, 4]).compare(u8), Buffer.compare(u8, Buffer.from([1, 2, 3])), Buffer.from([1, 2, 3]).equals(u8));
const text = Buffer.from('hello world, hello');
console.log(text.indexOf('hello', 1), text.lastIndexOf('hello'), text.lastIndexOf('hello', 12), text.indexOf('hello', -5), text.indexOf('x'));
console.log(Buffer.from('abc').indexOf('c', -1), Buffer.from('abc').lastIndexOf('a', -5), Buffer.from('aaa').lastIndexOf('aa'));
console.log(Buffer.from([1, 2, 3, 255]).indexOf(255), Buffer.from('héllo').indexOf('llo'), Buffer.from('abc').includes(''), Buffer.from('abcabc').lastIndexOf('abc', 2));
const big = Buffer.alloc(size);
big[size - 2] = 1;
big[size - 1] = 2;
console.log(big.indexOf(Buffer.from([1, 2])), big.lastIndexOf(0), big.indexOf(Buffer.from([2, 1])), big.includes(Buffer.from([0, 1, 2])));
try {
  Buffer.compare(a, 'x');
} catch (e) {
  console.log(e.code, e.message);
}
try {
  a.equals([1]);
} catch (e) {
  console.log(e.code, e.message);
}
