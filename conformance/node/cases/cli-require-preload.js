// -r / --require MODULE: required before the program (resolved from the
// current directory), for files, -e and stdin; repeatable; in execArgv.
'use strict';
const { show } = require('./fixtures/cli/run');

show('-r before a file', ['-r', './preload.js', 'args.js', 'one', 'two']);
show('--require= and -e', ['--require=./preload.js', '-e', 'console.log(globalThis.preloaded)']);
show('two preloads', ['-r', './preload.js', '-r', './preload.js', '-e', 'console.log(globalThis.preloaded.length)']);
show('-r missing module', ['-r', './nope.js', '-e', '1']);
show('options before the file go to execArgv', ['--no-warnings', 'args.js', '--no-warnings']);
show('-- then the file', ['--', 'args.js', '-e', 'x']);
