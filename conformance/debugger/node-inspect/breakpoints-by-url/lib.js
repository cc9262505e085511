function square(x) {
  const result = x * x;
  return result;
}
module.exports = { square };
