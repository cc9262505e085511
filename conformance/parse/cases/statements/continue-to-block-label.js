// expect: SyntaxError at 3:12
l: {
  continue l;
}
