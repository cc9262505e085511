// expect: SyntaxError at 4:5
class A {
  m() {
    with (o) {}
  }
}
