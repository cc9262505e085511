// expect: ok
var { a = 1, b: { c } = {}, ...rest } = o;
