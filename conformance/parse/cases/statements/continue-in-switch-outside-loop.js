// expect: SyntaxError at 4:5
switch (x) {
  case 1:
    continue;
}
