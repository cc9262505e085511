// expect: SyntaxError at 3:1
var a = 1;
}
