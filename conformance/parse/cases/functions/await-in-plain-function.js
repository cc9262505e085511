// expect: SyntaxError at 3:9
function f() {
  await x;
}
