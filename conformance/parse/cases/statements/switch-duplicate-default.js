// expect: SyntaxError at 4:3
switch (x) {
  default:
  default:
}
