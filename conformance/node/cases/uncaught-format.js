// What an uncaught exception or unhandled rejection prints on stderr, as
// Node 20 prints it: the location line, the source line and a caret, a
// blank line, then the error as util.inspect shows it (name, message,
// extra properties, [cause], [errors]) — or, for a thrown non-error, the
// value (and the --trace-uncaught hint). Stack frames and the version
// trailer are left out of the comparison (Node's frames are its own
// internals'). Exit statuses: 1, and 7 when an 'uncaughtException'
// listener throws.
'use strict';
const { show } = require('./fixtures/cli/run');

for (const name of ['with-cause.js', 'subclass.js', 'foo-error.js', 'tab.js', 'timer.js',
  'reject-error.js', 'reject-number.js', 'reject-undefined.js', 'reject-string.js', 'reject-object.js', 'async.js',
  'aggregate.js', 'exit-listener.js', 'handler-throws.js', 'module.mjs']) {
  show(name, [`../uncaught/${name}`]);
}
