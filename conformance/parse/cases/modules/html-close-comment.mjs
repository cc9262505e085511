// expect: SyntaxError at 2:3
--> not a comment in a module
