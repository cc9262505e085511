// expect: SyntaxError at 2:10
export { nope };
