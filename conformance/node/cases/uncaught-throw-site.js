// Where an uncaught exception was thrown, when that is not where an Error
// was made: a thrown primitive or plain object, or an Error made earlier.
// Node prints the `throw` statement's line and caret (and, for a thrown
// non-error, a blank line first and the --trace-uncaught hint).
'use strict';
const { show } = require('./fixtures/cli/run');

for (const name of ['string.js', 'number.js', 'object.js', 'null.js', 'made-elsewhere.js', 'no-frames.js']) {
  show(name, [`../uncaught/${name}`]);
}
