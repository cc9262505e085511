// Rest parameters make a real array (CreateRestArray); the arguments object is made only because the body names it.
function count(first, ...others) {
  return first + ':' + others.length + ':' + arguments.length;
}
console.log(count(1, 2, 3));
