// line 1
// line 2
// line 3
function f() {
  debugger;
  return 1;
}
// line 8
// line 9
f();
// line 11
