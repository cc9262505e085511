function early() {
  debugger;
  let later = 'set';
  const constant = 1;
  return later + constant;
}
early();
