// expect: SyntaxError at 3:15
var a;
export { a as "\uD800" };
