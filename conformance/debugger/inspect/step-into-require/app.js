const math = require('./math.js');
debugger;
const v = math.cube(2);
console.log(v);
