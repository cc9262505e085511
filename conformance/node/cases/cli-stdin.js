// A script from stdin: `-` (process.argv[1] is then '-'), or no file at all
// with stdin not a terminal; -p with stdin; --input-type=module.
'use strict';
const { show } = require('./fixtures/cli/run');

show('piped, no file', [], { input: 'console.log("from stdin", __filename, process.argv.length)' });
show('dash with args', ['-', 'a', 'b'], { input: 'console.log(process.argv.slice(1), __filename)' });
show('-p with stdin', ['-p'], { input: 'console.log("side effect"); 40 + 2' });
show('stdin throws', [], { input: '\nthrow new TypeError("from stdin")' });
show('module from stdin', ['--input-type=module'], { input: 'console.log(typeof require, import.meta.url.endsWith("[eval1]")); await 1; console.log("after await")' });
show('module -e', ['--input-type=module', '-e', 'import path from "path"; console.log(path.sep, typeof module)']);
show('commonjs input type', ['--input-type=commonjs', '-e', 'console.log(typeof require)']);
show('empty stdin', [], { input: '' });
