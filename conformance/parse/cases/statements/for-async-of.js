// expect: SyntaxError at 2:6
for (async of x);
