// An argument error from fs thrown at top level is uncaught: its first line
// reads "TypeError [ERR_INVALID_ARG_TYPE]: ..." as in Node, exit status 1.
'use strict';
const fs = require('fs');

console.log('before');
fs.readFile(__filename);
console.log('not reached');
