// expect: ok
if (x) /re/.test(y);
