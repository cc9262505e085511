// expect: ok
a?.b;
a?.[0];
a?.();
a?.b.c(d)?.e;
var x = a?.5:1;
