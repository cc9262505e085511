// console.log / util.format specifiers (%s %d %i %f %j %o %O %%) and util.inspect options, as Node prints them.
const util = require('util');
console.log('%s|%d|%i|%f|%j|%o|%O|%%', 'str', 42.5, 42.5, '3.5', {a:1}, [1,{b:2}], {c:{d:{e:{f:1}}}});
console.log(util.format('%s', Symbol('x')), util.format('%d', '0x10'), util.format('a', 'b', 3));
console.log(util.inspect({a:[1,2,{b:new Map([[1,2]])}], s:new Set([1]), f(){}, [Symbol('k')]: -0}, {depth: 0}));
console.log([1,2,3].map(String), new Error('e').message, null, undefined, -0, [undefined, null], {x: undefined});
class Foo { constructor() { this.a = 1; } }
console.log(new Foo(), Object.create(null), [ , 1], 'x'.repeat(3), 10n, [1.5, -0]);
