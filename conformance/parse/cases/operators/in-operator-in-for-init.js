// expect: ok
for (var i = (a in b); i;) break;
