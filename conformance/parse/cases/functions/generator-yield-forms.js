// expect: ok
function* g() {
  yield;
  yield 1;
  yield* g();
  var x = yield;
}
