// An exception thrown inside an fs completion callback is the program's
// uncaught exception: the error is printed, the exit status is 1, and
// nothing scheduled after it runs (no crash, no hang).
'use strict';
const fs = require('fs');

fs.stat(__filename, (err, st) => {
  console.log('stat callback:', err, st.isFile());
  fs.readFile(__filename, 'utf8', (err2, text) => {
    console.log('readFile callback:', err2, text.startsWith('// An exception'));
    throw new RangeError('boom in fs callback');
  });
});
setTimeout(() => console.log('not reached'), 10000);
