// expect: SyntaxError at 2:5
var await;
