// expect: SyntaxError: 'using' declarations are not allowed at the top level of a script at 3:1
// node-deviates: `using` is ES2026, missing from Node 20 (a Script may declare it only inside a block)
using x = null;
