// expect: SyntaxError: Missing initializer in using declaration at 3:10
// node-deviates: `using` is ES2026, missing from Node 20
{ using x; }
