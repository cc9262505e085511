// expect: ok
var s = `a${`b${`c${d}`}`}e`;
