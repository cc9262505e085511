// expect: SyntaxError at 3:1
throw
new Error('x');
