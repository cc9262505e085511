// expect: ok
l: while (true) {
  continue
  l;
}
