function risky(x) {
  if (x > 1) throw new TypeError('bad ' + x);
  return x;
}
try {
  risky(2);
} catch (e) {
  console.log('caught first');
}
risky(3);
