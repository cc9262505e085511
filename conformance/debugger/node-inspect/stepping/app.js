function add(a, b) {
  const sum = a + b;
  return sum;
}
function twice(x) {
  const once = add(x, x);
  return add(once, once);
}
const result = twice(3);
console.log('result', result);
