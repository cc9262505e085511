// expect: ok
class B extends A {
  constructor() {
    super();
    super.m();
  }
  m() { return super.m(); }
}
