// expect: SyntaxError at 3:9
var o = {
  m() { super(); }
};
