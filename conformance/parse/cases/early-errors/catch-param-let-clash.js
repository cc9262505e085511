// expect: SyntaxError at 3:7
try {} catch (e) {
  let e;
}
