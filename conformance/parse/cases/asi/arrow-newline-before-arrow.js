// expect: SyntaxError at 3:1
var f = ()
=> 1;
