// expect: SyntaxError at 3:9
while (true) {
  break nope;
}
