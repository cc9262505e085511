// expect: SyntaxError at 2:1
with (a) {}
