function a() { return b() + 1; }
function b() { return c() + 1; }
function c() {
  debugger;
  return 1;
}
console.log(a());
