function add(a, b) {
  const sum = a + b;
  return sum;
}
let later = 1;
console.log(add(2, later));
