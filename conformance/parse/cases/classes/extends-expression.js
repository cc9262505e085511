// expect: ok
class A extends (B, C) {}
var D = class extends f() {};
