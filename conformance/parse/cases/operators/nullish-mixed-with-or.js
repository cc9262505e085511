// expect: SyntaxError at 2:8
a || b ?? c;
