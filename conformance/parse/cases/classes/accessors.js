// expect: ok
class A {
  get a() { return 1; }
  set a(v) {}
  static get b() { return 2; }
  static set b(v) {}
  get [k]() {}
}
