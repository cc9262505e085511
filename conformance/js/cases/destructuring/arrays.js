// Array destructuring: holes, rest, defaults, swapping, iterables, nested.
const [a, , b, ...rest] = [1, 2, 3, 4, 5];
console.log(`${a} ${b} [${rest}]`);
const [x = 'dx', y = 'dy', z = 'dz'] = [undefined, null];
console.log(`${x} ${y} ${z}`);
let p = 1, q = 2;
[p, q] = [q, p];
console.log(`swapped: ${p} ${q}`);
const [c1, c2, c3] = 'hé!';
console.log(`from string: ${c1}${c2}${c3}`);
const [[n1, n2], [n3 = 'deep default']] = [[1, 2], []];
console.log(`nested: ${n1} ${n2} ${n3}`);
const [first, second] = new Set(['s1', 's2', 's3']);
console.log(`from set: ${first} ${second}`);
const [m1] = new Map([['k', 'v']]);
console.log(`from map: ${m1.join('=')}`);
let calls = 0;
const [d1 = ++calls, d2 = ++calls] = [5];
console.log(`defaults only evaluated when needed: ${d1} ${d2} calls=${calls}`);
try { const [bad] = null; } catch (e) { console.log(`null: ${e.name}`); }
try { const [bad] = {}; } catch (e) { console.log(`non-iterable: ${e.name}`); }
const target = {};
[target.a, target['b']] = ['ta', 'tb'];
console.log(`assignment targets: ${target.a} ${target.b}`);
const arr = [];
[arr[0], arr[1] = 'default'] = ['zero'];
console.log(`into array: ${arr.join(',')}`);
const [...copy] = [1, 2, 3];
console.log(`rest copy: ${copy.length}`);
