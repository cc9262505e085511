// expect: ok
class A {
  static x;
  static {
    var y = 1;
    this.x = y;
  }
}
