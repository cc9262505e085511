// expect: SyntaxError at 3:3
function f() {
  await 1;
}
