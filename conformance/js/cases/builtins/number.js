// Number methods and statics: toFixed/toPrecision/toExponential/toString(radix), parseInt/parseFloat, predicates, constants.
console.log(`toFixed: ${(1.005).toFixed(2)} ${(1.45).toFixed(1)} ${(0).toFixed(2)} ${(-1.5).toFixed(0)} ${(1e21).toFixed(2)} ${(123.456).toFixed()} ${(0.000001).toFixed(7)}`);
console.log(`toPrecision: ${(123.456).toPrecision(4)} ${(0.00001234).toPrecision(2)} ${(123456).toPrecision(2)} ${(1.5).toPrecision(1)} ${(5).toPrecision()}`);
console.log(`toExponential: ${(123456).toExponential(2)} ${(0.00015).toExponential()} ${(1).toExponential(3)}`);
console.log(`toString radix: ${(255).toString(16)} ${(255).toString(2)} ${(-255).toString(36)} ${(0.5).toString(2)} ${(3.75).toString(16)} ${(35).toString(36)}`);
try { (1).toString(1); } catch (e) { console.log(`bad radix: ${e.name}`); }
console.log(`parseInt: ${parseInt('42px')} ${parseInt('  -0x1A')} ${parseInt('101', 2)} ${parseInt('z', 36)} ${parseInt('')} ${parseInt('0.9')} ${parseInt('1e3')} ${parseInt(null, 36)} ${parseInt('12', 1)} ${parseInt('08')}`);
console.log(`parseFloat: ${parseFloat('3.14abc')} ${parseFloat('.5')} ${parseFloat('-.5e2')} ${parseFloat('Infinityx')} ${parseFloat('x1')} ${parseFloat('1e')} ${parseFloat('0x10')}`);
console.log(`Number.parseInt is parseInt: ${Number.parseInt === parseInt} ${Number.parseFloat === parseFloat}`);
console.log(`isInteger: ${Number.isInteger(5)} ${Number.isInteger(5.0)} ${Number.isInteger(5.5)} ${Number.isInteger('5')} ${Number.isInteger(Infinity)}`);
console.log(`isSafeInteger: ${Number.isSafeInteger(2 ** 53 - 1)} ${Number.isSafeInteger(2 ** 53)}`);
console.log(`isNaN: ${Number.isNaN(NaN)} ${Number.isNaN('x')} ${isNaN('x')} ${isNaN('')} isFinite: ${Number.isFinite('5')} ${isFinite('5')} ${isFinite(Infinity)}`);
console.log(`constants: ${Number.EPSILON} ${Number.EPSILON === 2 ** -52} ${Number.MAX_SAFE_INTEGER} ${Number.MIN_SAFE_INTEGER} ${Number.MAX_VALUE} ${Number.MIN_VALUE}`);
console.log(`${Number.POSITIVE_INFINITY} ${Number.NEGATIVE_INFINITY} ${Number.NaN}`);
console.log(`Number(): ${Number()} ${Number(undefined)} ${Number('')} ${Number(' 0b11 ')} ${Number(false)} ${Number([])} ${Number(new Date(5))}`);
const boxed = new Number(5);
console.log(`boxed: ${typeof boxed} ${boxed + 1} ${boxed instanceof Number} ${boxed.valueOf() === 5}`);
console.log(`0.1 * 3 = ${0.1 * 3}, 9.95.toFixed(1) = ${(9.95).toFixed(1)}, 2.5 rounds to ${(2.5).toFixed(0)}, 1e-10.toFixed(3) = ${(1e-10).toFixed(3)}`);
console.log(`toLocaleString exists: ${typeof (1).toLocaleString}`);
