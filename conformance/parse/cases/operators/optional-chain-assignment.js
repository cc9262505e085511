// expect: SyntaxError at 2:1
a?.b = 1;
