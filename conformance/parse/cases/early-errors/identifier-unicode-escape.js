// expect: ok
var \u0061bc = 1;
var \u{62}cd = 2;
