// expect: ok
var x;
export { x as default };
