// expect: ok
({ a = 1 } = o);
