// expect: ok
({ a, b } = o);
[x, y] = [y, x];
[o.p, o[q]] = r;
