// expect: SyntaxError at 2:13
for (let of x);
