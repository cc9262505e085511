// Relational comparison of strings, numbers, mixed types, NaN, undefined.
console.log([1 < 2, '10' < '9', '10' < 9, 'a' < 'b', 'B' < 'a', 'abc' < 'abd', 'ab' < 'abc'].join(' '));
console.log([NaN < 1, NaN >= 1, undefined < 1, null < 1, null >= 0, null == 0, [2] > 1].join(' '));
console.log(['\uD83D\uDE00' > '\uFFFF', 'Z' < 'a', '' < 'a', 1 <= 1, 2 >= 3].join(' '));
console.log([1 < 2 < 3, 3 > 2 > 1, 'x' > 1, 'x' < 1].join(' '));
