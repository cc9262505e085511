// expect: SyntaxError at 4:5
class A {
  constructor() {
    super();
  }
}
