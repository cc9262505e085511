// expect: SyntaxError at 2:5
a?.b`t`;
