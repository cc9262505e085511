// console.Console with colorMode true: every value is inspected in colors (as console.log on a terminal), strings stay plain
const { Console } = require('console');
const { Writable } = require('stream');
const out = [];
const sink = new Writable({ write(chunk, enc, cb) { out.push(String(chunk)); cb(); } });
const c = new Console({ stdout: sink, stderr: sink, colorMode: true });
c.log(true, 1, 'str', null, undefined, { a: [1, 'x', { b: null }] }, [Symbol('s'), 10n], new Map([[1, 2]]));
c.log('%s and %d', 'x', 5, { k: 'v' });
c.error({ err: true }, -0);
const plain = new Console({ stdout: sink, colorMode: false });
plain.log(true, { a: 1 });
const auto = new Console({ stdout: sink });
auto.log(true, { a: 1 });
for (const line of out) console.log(JSON.stringify(line));
