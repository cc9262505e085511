// expect: ok
({ __proto__: a, __proto__: b } = c);
