// expect: ok
a = 1