// expect: SyntaxError at 2:1
1 = 2;
