// expect: SyntaxError at 3:7
function* g() {
  var yield;
}
