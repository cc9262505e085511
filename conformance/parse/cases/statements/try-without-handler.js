// expect: SyntaxError at 3:1
try {}
x;
