function risky(x) {
  if (x > 1) throw new RangeError('too big: ' + x);
  return x;
}
try {
  risky(5);
} catch (e) {
  console.log('caught', e.message);
}
console.log('after');
