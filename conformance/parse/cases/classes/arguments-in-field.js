// expect: SyntaxError at 3:7
class A {
  x = arguments;
}
