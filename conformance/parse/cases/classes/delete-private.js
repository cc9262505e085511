// expect: SyntaxError at 4:9
class A {
  #x;
  m() { delete this.#x; }
}
