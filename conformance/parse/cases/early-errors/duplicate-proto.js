// expect: SyntaxError at 4:3
var o = {
  __proto__: 1,
  __proto__: 2
};
