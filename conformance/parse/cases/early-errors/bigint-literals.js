// expect: ok
var a = 10n, b = 0x1fn, c = 0b1n, d = 0o7n;
