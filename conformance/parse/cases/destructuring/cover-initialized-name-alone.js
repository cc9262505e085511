// expect: SyntaxError at 2:14
var o = ({ a = 1 });
