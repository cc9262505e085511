// expect: SyntaxError at 3:7
class B extends A {
  x = super();
}
