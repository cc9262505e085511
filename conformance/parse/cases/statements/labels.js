// expect: ok
outer: for (;;) {
  inner: for (;;) {
    break outer;
    continue inner;
  }
}
