// expect: ok
class A {
  #m() {}
  get #g() { return 1; }
  set #g(v) {}
  static #s() {}
  t() { this.#m(); return this.#g; }
}
