// expect: SyntaxError at 2:10
export { "a" as b };
