// expect: ok
function f() {
  return () => new.target;
}
