// expect: SyntaxError: Unexpected token '{' at 3:9
// node-deviates: `using` is ES2026, missing from Node 20 (`using {` is not a declaration: `using` is an identifier there)
{ using {a} = null; }
