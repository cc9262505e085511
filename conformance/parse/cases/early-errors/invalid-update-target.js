// expect: SyntaxError at 2:4
++(a + b);
