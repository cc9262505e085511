// expect: ok
a.b`x`.c`y`;
