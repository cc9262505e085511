// expect: ok
l: function f() {}
