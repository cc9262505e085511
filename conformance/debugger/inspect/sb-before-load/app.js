console.log('before require');
const lib = require('./lib.js');
console.log(lib.square(5));
