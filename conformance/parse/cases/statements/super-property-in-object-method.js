// expect: ok
var o = {
  m() { return super.x; }
};
