// console.log formats values as Node's util.inspect does for everyday values: Map/Set contents, arrays in columns, quotes, cycles, Dates, RegExps, functions and classes.
console.log(new Map([[1, 'a'], ['b', { c: 2 }]]), new Set([1, 2]), new Map(), new Set());
console.log(Array.from({ length: 26 }, (_, i) => i * 37));
console.log(['apple', 'banana', 'cherry', 'date', 'elderberry', 'fig', 'grape', 'honeydew']);
console.log(Array.from({ length: 120 }, (_, i) => i));
console.log({ list: [10, 20, 30, 40, 50, 60, 70, 80], name: 'x' });
console.log([[1, 2], [3, 4], [5, 6], [7, 8], [9, 10], [11, 12], [13, 14]]);
console.log('it\'s', ["it's"], ['say "hi"'], ["both ' and \""]);
const circular = { name: 'c' };
circular.self = circular;
console.log(circular);
console.log(new Date(0), new Date(NaN), /re/g, [new Date(86400000)]);
class Foo { constructor() { this.x = 1; } }
console.log(new Foo(), Foo, function named() {}, () => {}, Object.create(null));
console.log({ a: 1, b: 'two', c: [1, 2, 3], d: { e: { f: { g: 1 } } } }, [undefined, , 3], -0, 1n);
console.log('%s is %d years, %i, %f, %j %O %%', 'Bob', 42.5, 42.5, 1.5, { a: 1 }, { b: 2 });
