// expect: SyntaxError at 3:21
class A {
  m() { return this.#nope; }
}
