// expect: ok
[(a)] = b;
({ p: (o.q) } = c);
