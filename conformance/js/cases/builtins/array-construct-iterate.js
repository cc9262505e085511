// Array.from/of/isArray, keys/values/entries, array-likes, length limits.
console.log(`from string: ${Array.from('héllo').join('|')}`);
console.log(`from Set: ${Array.from(new Set([3, 3, 4])).join(',')}`);
console.log(`from array-like: ${JSON.stringify(Array.from({ length: 3, 1: 'one' }))}`);
console.log(`from with map: ${Array.from({ length: 4 }, (_, i) => i * i).join(',')}`);
console.log(`of: ${JSON.stringify(Array.of(7))} ${JSON.stringify(Array.of(1, 'a', null))}`);
console.log(`isArray: ${Array.isArray([])} ${Array.isArray({ length: 0 })} ${Array.isArray(Array.prototype)} ${Array.isArray(new Proxy([], {}))}`);
console.log(`keys: ${[...['a', , 'c'].keys()].join(',')}`);
console.log(`values: ${[...['a', 'b'].values()].join(',')}`);
console.log(`entries: ${JSON.stringify([...['a', 'b'].entries()])}`);
console.log(`same iterator function: ${Array.prototype.values === Array.prototype[Symbol.iterator]}`);
try { new Array(2 ** 32); } catch (e) { console.log(`length too big: ${e.name}`); }
const arr = [];
arr[2 ** 32 - 2] = 'last index';
console.log(`max index: ${arr.length}`);
arr['4294967295'] = 'not an index';
console.log(`non-index key: ${arr.length}`);
const generic = { length: 2, 0: 'g0', 1: 'g1' };
console.log(`generic methods on array-likes: ${Array.prototype.join.call(generic, '+')} ${Array.prototype.map.call(generic, (x) => x.toUpperCase()).join('')}`);
console.log(`string as array-like: ${Array.prototype.filter.call('abcd', (c) => c > 'b').join('')}`);
const pushed = { length: 0 };
Array.prototype.push.call(pushed, 'p');
console.log(`push on array-like: ${JSON.stringify(pushed)}`);
console.log(`nested: ${JSON.stringify(Array.from({ length: 2 }, () => Array(2).fill(0)))}`);
class MyArr extends Array {}
console.log(`map on a subclass makes the subclass: ${MyArr.from([1]).map((x) => x) instanceof MyArr}`);
