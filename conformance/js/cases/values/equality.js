// Loose and strict equality, Object.is and SameValueZero (via includes).
const pairs = [
  [null, undefined], [null, 0], [undefined, 0], [0, ''], [0, '0'], ['', '0'],
  [false, 'false'], [false, '0'], [true, 1], [true, '1'], [true, 2], [NaN, NaN],
  [0, -0], ['1e3', 1000], [' \n 12 \t', 12], ['0x10', 16], [1n, 1], [1n, '1'], [2n, 2.5],
  [[1], 1], [[1, 2], '1,2'], [[], ''], [[], 0], [[0], false], [{}, '[object Object]'],
  [null, false], [Symbol.iterator, Symbol.iterator],
];
for (const [a, b] of pairs) {
  const show = (v) => (typeof v === 'string' ? JSON.stringify(v) : typeof v === 'bigint' ? `${v}n`
    : typeof v === 'symbol' ? v.toString() : Array.isArray(v) ? `[${v}]` : Object.is(v, -0) ? '-0' : String(v));
  console.log(`${show(a)} == ${show(b)}: ${a == b}, ===: ${a === b}, Object.is: ${Object.is(a, b)}`);
}
const o = {};
console.log(`same object: ${o == o}, different objects: ${({}) == ({})}`);
console.log(`includes NaN: ${[NaN].includes(NaN)}, indexOf NaN: ${[NaN].indexOf(NaN)}`);
console.log(`includes -0 for 0: ${[-0].includes(0)}`);
console.log(`!= and !==: ${1 != '1'} ${1 !== '1'}`);
