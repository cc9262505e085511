// expect: SyntaxError at 3:26
class A {
  static has(o) { return #y in o; }
}
