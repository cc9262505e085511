// expect: SyntaxError at 5:1
function f() {
  if (x) {
}
