// expect: ok
export default (1, 2);
