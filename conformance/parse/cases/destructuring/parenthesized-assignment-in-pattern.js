// expect: SyntaxError at 2:3
[(a = 1)] = b;
