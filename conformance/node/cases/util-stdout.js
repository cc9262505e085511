// util (format, inspect with depth, promisify, inherits) and process.stdout.write.
const util = require('util');
console.log(util.format('%s=%d', 'x', 5), util.inspect({ a: [1, 2], b: new Map([[1, 2]]) }));
console.log(util.inspect({ a: { b: { c: { d: 1 } } } }, { depth: 0 }));
process.stdout.write('no newline;');
process.stdout.write(' then newline\n');
const sleep = util.promisify((ms, cb) => setTimeout(() => cb(null, ms), ms));
sleep(5).then((v) => console.log('promisified', v));
function A() {} function B() {} util.inherits(B, A); console.log(new B() instanceof A);
