// expect: SyntaxError at 3:8
export default 1;
export default 2;
