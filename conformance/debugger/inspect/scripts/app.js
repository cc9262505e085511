const other = require('./other.js');
debugger;
console.log(other.name);
