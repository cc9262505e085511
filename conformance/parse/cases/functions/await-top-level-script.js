// expect: SyntaxError at 2:7
await Promise.resolve(1);
