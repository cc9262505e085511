// expect: ok
if (x) function f() {}
