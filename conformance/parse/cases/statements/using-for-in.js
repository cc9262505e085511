// expect: SyntaxError: The left-hand side of a for-in loop may not be a using declaration. at 3:6
// node-deviates: `using` is ES2026, missing from Node 20
for (using x in {}) {}
