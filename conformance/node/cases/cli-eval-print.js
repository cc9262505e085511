// -e, -p, -pe, --eval=, --print and what they see: process.argv, execArgv,
// the [eval] module globals, the completion value printed by -p.
'use strict';
const { show } = require('./fixtures/cli/run');

show('-e with args after --', ['-e', 'console.log(process.argv.length, __filename, __dirname, typeof module, typeof require, this === globalThis)', '--', 'a', '-b']);
show('-e execArgv', ['-e', 'console.log(JSON.stringify(process.execArgv))']);
show('--eval=', ['--eval=console.log("equals form")']);
show('-p number', ['-p', '6 * 7']);
show('-p object', ['-p', '({ a: 1, b: [1, 2], s: "str" })']);
show('-p undefined', ['-p', 'undefined']);
show('-p string', ['-p', '"just text"']);
show('-pe', ['-pe', '[1, 2, 3].map((x) => x * 2)']);
show('--print with args', ['--print', 'process.argv.slice(1)', 'x', 'y']);
show('-p last expression', ['-p', 'let n = 1; n += 2; n']);
show('-e require relative to cwd', ['-e', 'console.log(require("./preload.js") && "required")']);
show('-e var is global', ['-e', 'var v = 5; console.log(globalThis.v)']);
show('-e throws', ['-e', 'const notAFunction = 5;\nnotAFunction()']);
show('-e SyntaxError', ['-e', 'let x = ;']);
show('-e process.exitCode', ['-e', 'process.exitCode = 3']);
show('-e missing argument', ['-e']);
