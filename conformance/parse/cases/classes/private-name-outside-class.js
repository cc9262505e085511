// expect: SyntaxError at 3:3
var o = {};
o.#x;
