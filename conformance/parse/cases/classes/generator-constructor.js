// expect: SyntaxError at 3:4
class A {
  *constructor() {}
}
