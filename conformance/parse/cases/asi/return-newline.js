// expect: ok
function f() {
  return
  1;
}
