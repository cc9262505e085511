function outer(base) {
  const factor = 10;
  function inner(x) {
    const local = x + base;
    debugger;
    return local * factor;
  }
  return inner(5);
}
console.log(outer(1));
