// expect: SyntaxError at 2:3
++(a + b);
