// A failed fs.promises call nobody handles is an unhandled rejection:
// Node 20 prints the error and exits with status 1.
'use strict';
const fsp = require('fs/promises');

console.log('start');
fsp.readFile('./does-not-exist.txt', 'utf8');
setTimeout(() => console.log('not reached'), 10000);
