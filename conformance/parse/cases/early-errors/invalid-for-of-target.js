// expect: SyntaxError at 2:7
for ((a + b) of c);
