// expect: ok
class A {
  static() {}
  get() {}
  set() {}
  async() {}
  static static() {}
  static async *gen() {}
}
