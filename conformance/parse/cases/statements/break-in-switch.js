// expect: ok
switch (x) {
  case 1:
    break;
  default:
}
