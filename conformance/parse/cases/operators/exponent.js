// expect: ok
x = a ** b ** c;
x = (-a) ** 2;
x **= 2;
x = 2 ** -a;
