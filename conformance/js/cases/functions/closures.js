// Closures capture variables (not values), share them, and outlive their frame.
function counter() {
  let n = 0;
  return { inc: () => ++n, dec: () => --n, get: () => n };
}
const c1 = counter();
const c2 = counter();
c1.inc(); c1.inc(); c2.dec();
console.log(`c1=${c1.get()} c2=${c2.get()}`);
function adder(a) { return (b) => (c) => a + b + c; }
console.log(`curried: ${adder(1)(2)(3)}`);
let shared = 'before';
const read = () => shared;
shared = 'after';
console.log(`captured by reference: ${read()}`);
function makeAll() {
  const out = [];
  for (let i = 0; i < 3; i++) {
    let local = i * 10;
    out.push(() => local++);
  }
  return out;
}
const all = makeAll();
console.log(`independent: ${all[0]()} ${all[0]()} ${all[1]()} ${all[2]()}`);
const memo = (() => {
  const cache = {};
  let misses = 0;
  return (n) => { if (!(n in cache)) { misses++; cache[n] = n * n; } return `${cache[n]}/${misses}`; };
})();
console.log(`memo: ${memo(3)} ${memo(3)} ${memo(4)}`);
function outer() {
  const x = 'deep';
  return function middle() { return function inner() { return () => x; }; };
}
console.log(`nested: ${outer()()()()}`);
