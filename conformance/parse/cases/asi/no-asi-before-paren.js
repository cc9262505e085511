// expect: ok
var a = b
(c);
