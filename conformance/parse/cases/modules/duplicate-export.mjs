// expect: SyntaxError at 3:10
export var a;
export { a };
