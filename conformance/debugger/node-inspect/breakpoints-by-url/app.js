const lib = require('./lib.js');
console.log(lib.square(3));
console.log(lib.square(4));
