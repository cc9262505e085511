// console.table, group, count, assert, dir, trace, warn/error and
// time warnings, written through a Console on a stream we can read back
// (stderr is not compared); and the global console's own keys.
'use strict';
const { Writable } = require('stream');
const { Console } = require('console');

let out = '';
const sink = new Writable({ decodeStrings: false, write(chunk, encoding, cb) { out += chunk; cb(); } });
const c = new Console({ stdout: sink, stderr: sink });
c.table([{ a: 1, b: 'x' }, { a: 2, c: true }]);
c.table([[1, 2], [3, 4, 5]]);
c.table({ r1: { c: 1 }, r2: { c: 2 } }, ['c']);
c.table(5);
c.table(new Map([['k', { v: 1 }]]));
c.table(new Set(['a', 'b']));
c.table([1, 'a', { x: 1 }]);
c.table([{ a: { x: { y: 1 } }, b: [1, 2, 3, 4, 5], c: { p: 1, q: 2, r: 3 } }]);
c.table([{ '中文': 1, b: '日本語' }]);
c.table([null, undefined, 3n, Symbol('s')]);
c.table([]);
c.group('G1', 'with', 2);
c.log('in');
c.group();
c.warn('deeper\nline2');
c.groupEnd();
c.groupEnd();
c.log('out');
c.groupCollapsed('collapsed');
c.info('info inside');
c.groupEnd();
c.count();
c.count();
c.count('x');
c.countReset();
c.count();
c.assert(true, 'not shown');
c.assert(false, 'yes %s', 'fmt');
c.assert(false);
c.assert(false, { a: 1 });
c.dir({ a: { b: { c: { d: {} } } } }, { depth: 0 });
c.dir({ [Symbol.for('nodejs.util.inspect.custom')]: () => 'custom ignored by dir' });
c.dirxml({ a: 1 }, [2]);
c.error('error %d', 5);
c.debug('debug');
c.log('%c styled', 'color: red');
c.trace('here %s', 'now');
try {
  c.table([1], 'a');
} catch (err) {
  c.log(err.code, err.message);
}
process.stdout.write(out.replace(/\n {4}at .*/g, '\n    at FRAME').replace(/(\n {4}at FRAME)+/g, '\n    at FRAMES'));
console.log(Object.keys(console).filter((k) => !['context', 'createTask'].includes(k)).join(','));
console.log(typeof console.Console, console instanceof Console, c instanceof Console);
try {
  new Console();
} catch (err) {
  console.log(err.code, err.message);
}
