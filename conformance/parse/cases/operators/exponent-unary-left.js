// expect: SyntaxError at 2:8
x = -a ** 2;
