// expect: ok
var s = `a${ function () { return '}'; }() }b`;
