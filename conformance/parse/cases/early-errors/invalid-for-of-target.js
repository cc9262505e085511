// expect: SyntaxError at 2:6
for ((a + b) of c);
