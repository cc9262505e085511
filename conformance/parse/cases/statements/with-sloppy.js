// expect: ok
with (o) {
  x = 1;
}
