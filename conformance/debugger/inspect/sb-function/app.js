function helper(n) {
  return n * 2;
}
const values = [1, 2].map((v) => helper(v));
console.log(values);
