// expect: ok
var __proto__ = null;
var o = { __proto__: 1, __proto__ };
