function work(n) {
  const doubled = n * 2;
  debugger;
  return doubled;
}
console.log(work(21));
