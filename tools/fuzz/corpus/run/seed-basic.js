var a = [1, 2, {b: 3}]; function f(x, ...y) { return x ? f(x - 1, ...y) : y; } f(3, a);
