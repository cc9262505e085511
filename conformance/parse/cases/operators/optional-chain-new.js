// expect: SyntaxError at 2:6
new a?.b();
