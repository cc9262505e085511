// expect: SyntaxError at 3:1
for (a
b
) {}
