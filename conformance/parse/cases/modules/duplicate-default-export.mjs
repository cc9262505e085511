// expect: SyntaxError at 3:1
export default 1;
export default 2;
