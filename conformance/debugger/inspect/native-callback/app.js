const doubled = [1, 2, 3].map(function double(n) {
  return n * 2;
});
console.log(doubled);
