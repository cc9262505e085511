// Number to string conversion: shortest round-trip digits, exponent thresholds.
const nums = [0, -0, 1, -1, 0.1, 0.1 + 0.2, 1 / 3, 2 / 3, 100, 1e20, 1e21, 1.5e21, 123456789012345680000,
  1e-6, 1e-7, 1.2345e-7, 0.000001234, 5e-324, 1.7976931348623157e308, 2 ** 53, 2 ** 53 + 1,
  -1e-7, 123.456, 4.35, 0.000001, 1e100, 255 / 256, NaN, Infinity, -Infinity, 9007199254740993,
  1.0000000000000002, 0.30000000000000004];
for (const n of nums) console.log(String(n));
console.log(`0.1 + 0.2 === 0.3: ${0.1 + 0.2 === 0.3}`);
console.log(`${1e21} ${1e-7} ${-1e21}`);
console.log(`${(25).toString()} ${(-0).toString()} ${[-0]} ${JSON.stringify(-0)}`);
