// Closures and higher-order array methods: map/filter/reduce with arrow functions.
var out = typeof console !== 'undefined' && console.log ? function (s) { console.log(s); } : print;
const data = [];
for (let i = 0; i < 10000; i++) data.push(i);
let total = 0;
for (let round = 0; round < 30; round++) {
  const offset = round;
  const scale = (k) => (x) => x * k + offset;
  total += data
    .map(scale(3))
    .filter((x) => x % 7 !== 0)
    .reduce((acc, x) => (acc + x) % 1000000007, 0);
}
out('checksum ' + total);
