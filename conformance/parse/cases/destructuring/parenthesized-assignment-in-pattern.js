// expect: SyntaxError at 2:2
[(a = 1)] = b;
