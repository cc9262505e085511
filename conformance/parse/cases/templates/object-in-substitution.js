// expect: ok
var s = `${ { a: 1 }.a }`;
