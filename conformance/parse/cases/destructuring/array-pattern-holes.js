// expect: ok
var [, a, , ...b] = arr;
