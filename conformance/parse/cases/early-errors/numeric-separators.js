// expect: ok
var a = 1_000_000, b = 0xFF_FF, c = 0b1_0, d = 1_0.5_0e1_0;
