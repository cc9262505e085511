// expect: ok
class A {
  x = 1;
  static y;
  'z' = 2;
  [k] = 3;
  #p = 4;
  static #q;
}
