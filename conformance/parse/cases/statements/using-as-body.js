// expect: SyntaxError: Lexical declaration cannot appear in a single-statement context at 3:11
// node-deviates: `using` is ES2026, missing from Node 20
if (true) using x = null;
