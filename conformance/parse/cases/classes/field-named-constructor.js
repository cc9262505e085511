// expect: SyntaxError at 3:3
class A {
  constructor = 1;
}
