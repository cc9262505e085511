// expect: ok
for (var i = 0 in o);
