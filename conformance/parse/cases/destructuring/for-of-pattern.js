// expect: ok
for (const [k, v] of m) {}
for ({ a } of list) {}
