// expect: SyntaxError at 2:14
x = typeof a ** 2;
