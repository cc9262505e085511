// expect: SyntaxError at 3:10
function f() {
  return super.x;
}
