// expect: SyntaxError at 2:8
x = 1; <!-- not a comment in a module
