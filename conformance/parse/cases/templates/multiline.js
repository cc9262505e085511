// expect: ok
var s = `line 1
line 2
`;
