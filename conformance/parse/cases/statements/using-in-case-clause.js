// expect: SyntaxError: 'using' declarations are not allowed directly in a case clause at 5:5
// node-deviates: `using` is ES2026, missing from Node 20
{
  switch (0) { case 0:
    using x = null;
  }
}
