// expect: ok
var f = ({ a, b: [c] }, ...d) => a + c;
