// expect: SyntaxError at 2:8
if (x) const y = 1;
