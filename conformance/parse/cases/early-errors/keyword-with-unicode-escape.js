// expect: SyntaxError at 2:1
v\u0061r x = 1;
