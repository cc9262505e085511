// expect: SyntaxError at 3:1
if (a)
else b();
