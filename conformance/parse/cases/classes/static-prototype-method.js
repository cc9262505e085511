// expect: SyntaxError at 3:10
class A {
  static prototype() {}
}
