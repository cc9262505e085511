// expect: SyntaxError at 2:1
a + 1 = 2;
