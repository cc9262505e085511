// Constants and registers: small integers load with LoadInt, other numbers and strings come from the constant pool (k0, k1...).
const small = 7;
const big = 1.5e300;
const text = 'hello';
console.log(small + 1, big, text);
