// expect: ok
a ||= 1;
a &&= 2;
a ??= 3;
o.p ??= 4;
o[k] ||= 5;
