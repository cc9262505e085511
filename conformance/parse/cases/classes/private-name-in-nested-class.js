// expect: ok
class A {
  #x;
  m() {
    return class { n(o) { return o.#x; } };
  }
}
