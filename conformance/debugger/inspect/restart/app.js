const start = 'go';
function step(n) {
  return n + 1;
}
console.log(step(1));
