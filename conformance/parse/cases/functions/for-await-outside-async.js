// expect: SyntaxError at 3:7
function f() {
  for await (const x of y) {}
}
