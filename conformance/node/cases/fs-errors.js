// fs's errors, property by property: system errors (errno, code, syscall,
// path, dest, and the message "CODE: description, syscall 'path'"), rm's
// SystemError, and Node's argument errors (ERR_INVALID_ARG_TYPE & co.,
// whose String() reads "TypeError [CODE]: ...").
'use strict';
const fs = require('fs');
const path = require('path');

const base = path.join(process.env.TMPDIR || '/tmp', `glass-fs-errors-${process.pid}`);
const at = (...parts) => path.join(base, ...parts);
const clean = (s) => String(s).split(base).join('<tmp>');
fs.rmSync(base, { recursive: true, force: true });
fs.mkdirSync(at('dir', 'full'), { recursive: true });
fs.writeFileSync(at('dir', 'file'), 'x');
fs.writeFileSync(at('dir', 'full', 'inside'), 'x');

function attempt(label, fn) {
  try {
    const r = fn();
    console.log(label, '-> no error:', r);
  } catch (e) {
    const props = Object.keys(e).map((k) => `${k}=${clean(typeof e[k] === 'object' ? JSON.stringify(e[k]) : e[k])}`).join(' ');
    console.log(`${label} -> ${e.name} | ${clean(e.message)} | ${props}`);
  }
}

try {
  console.log('-- system errors');
  attempt('readFileSync missing', () => fs.readFileSync(at('nope')));
  attempt('readFileSync dir', () => fs.readFileSync(at('dir'), 'utf8'));
  attempt('readFileSync bad fd', () => fs.readFileSync(987654));
  attempt('writeFileSync on a dir', () => fs.writeFileSync(at('dir'), 'x'));
  attempt('writeFileSync missing parent', () => fs.writeFileSync(at('nope', 'x'), 'x'));
  attempt('writeFileSync wx existing', () => fs.writeFileSync(at('dir', 'file'), 'x', { flag: 'wx' }));
  attempt('appendFileSync missing parent', () => fs.appendFileSync(at('nope', 'x'), 'x'));
  attempt('readdirSync missing', () => fs.readdirSync(at('nope')));
  attempt('readdirSync file', () => fs.readdirSync(at('dir', 'file')));
  attempt('statSync missing', () => fs.statSync(at('nope')));
  attempt('lstatSync missing', () => fs.lstatSync(at('nope')));
  attempt('statSync through a file', () => fs.statSync(at('dir', 'file', 'x')));
  attempt('mkdirSync existing', () => fs.mkdirSync(at('dir')));
  attempt('mkdirSync missing parent', () => fs.mkdirSync(at('a', 'b')));
  attempt('mkdirSync recursive over a file', () => fs.mkdirSync(at('dir', 'file'), { recursive: true }));
  attempt('mkdirSync recursive under a file', () => fs.mkdirSync(at('dir', 'file', 'x', 'y'), { recursive: true }));
  attempt('rmdirSync not empty', () => fs.rmdirSync(at('dir', 'full')));
  attempt('rmdirSync missing', () => fs.rmdirSync(at('nope')));
  attempt('rmdirSync file', () => fs.rmdirSync(at('dir', 'file')));
  attempt('unlinkSync missing', () => fs.unlinkSync(at('nope')));
  attempt('unlinkSync dir', () => fs.unlinkSync(at('dir')));
  attempt('renameSync missing', () => fs.renameSync(at('nope'), at('nope2')));
  attempt('renameSync dir onto non-empty dir', () => fs.renameSync(at('dir', 'file'), at('dir', 'full')));
  attempt('copyFileSync missing', () => fs.copyFileSync(at('nope'), at('x')));
  attempt('copyFileSync dir', () => fs.copyFileSync(at('dir'), at('x')));
  attempt('rmSync missing', () => fs.rmSync(at('nope')));
  attempt('rmSync through a file, force', () => fs.rmSync(at('dir', 'file', 'x'), { force: true }));
  attempt('rmSync dir', () => fs.rmSync(at('dir')));
  attempt('accessSync missing', () => fs.accessSync(at('nope')));
  attempt('accessSync X_OK on a plain file', () => fs.accessSync(at('dir', 'file'), fs.constants.X_OK));
  attempt('realpathSync missing', () => fs.realpathSync(at('dir', 'nope', 'x')));
  attempt('realpathSync.native missing', () => fs.realpathSync.native(at('dir', 'nope')));
  attempt('mkdtempSync missing parent', () => fs.mkdtempSync(at('nope', 'x-')));

  console.log('-- what an error looks like');
  try {
    fs.statSync(at('nope'));
  } catch (e) {
    console.log(e instanceof Error, e.constructor === Error, clean(String(e)), clean(e.stack.split('\n')[0]));
    console.log(Object.keys(e).join(' '), typeof e.errno);
  }
  try {
    fs.mkdirSync(1);
  } catch (e) {
    console.log(e instanceof TypeError, e.name, clean(String(e)));
    console.log(clean(e.stack.split('\n')[0]));
    console.log(Object.keys(e).join(' '));
  }
  try {
    fs.rmSync(at('dir'));
  } catch (e) {
    console.log(e instanceof Error, e.name, clean(String(e)));
    console.log(clean(e.stack.split('\n')[0]));
    console.log(e.errno, e.syscall, clean(e.path), e.info.code, e.info.message, e.info.errno);
  }

  console.log('-- invalid arguments');
  const fn = function namedFunction() {};
  for (const bad of [undefined, null, 42, true, {}, [], fn, () => {}, Symbol('s'), 'a\u0000b', 'x'.repeat(40) + '\u0000']) {
    attempt(`statSync(${typeof bad})`, () => fs.statSync(bad));
  }
  attempt('readFileSync bad encoding', () => fs.readFileSync(at('dir', 'file'), 'bogus'));
  attempt('readFileSync options number', () => fs.readFileSync(at('dir', 'file'), 5));
  attempt('readFileSync options true', () => fs.readFileSync(at('dir', 'file'), true));
  attempt('readFileSync bad flag', () => fs.readFileSync(at('dir', 'file'), { flag: 'zz' }));
  attempt('readFileSync negative fd', () => fs.readFileSync(-1));
  attempt('writeFileSync number data', () => fs.writeFileSync(at('dir', 'x'), 123));
  attempt('writeFileSync object data', () => fs.writeFileSync(at('dir', 'x'), { a: 1 }));
  attempt('writeFileSync undefined data', () => fs.writeFileSync(at('dir', 'x')));
  attempt('renameSync missing newPath', () => fs.renameSync(at('dir', 'file')));
  attempt('copyFileSync bad dest', () => fs.copyFileSync(at('dir', 'file'), 7));
  attempt('mkdirSync bad mode', () => fs.mkdirSync(at('q'), 'abc'));
  attempt('mkdirSync bad recursive', () => fs.mkdirSync(at('q'), { recursive: 'yes' }));
  attempt('rmSync bad force', () => fs.rmSync(at('q'), { force: 'yes' }));
  attempt('rmSync bad recursive', () => fs.rmSync(at('q'), { recursive: 1 }));
  attempt('accessSync bad mode', () => fs.accessSync(at('dir'), 'r'));
  attempt('accessSync mode out of range', () => fs.accessSync(at('dir'), 8));
  attempt('mkdtempSync bad prefix', () => fs.mkdtempSync(5));

  console.log('-- missing or wrong callbacks throw at once');
  attempt('readFile no callback', () => fs.readFile(at('dir', 'file')));
  attempt('readFile options but no callback', () => fs.readFile(at('dir', 'file'), 'utf8'));
  attempt('readFile callback not a function', () => fs.readFile(at('dir', 'file'), 'utf8', 5));
  attempt('writeFile no callback', () => fs.writeFile(at('dir', 'file'), 'x'));
  attempt('stat no callback', () => fs.stat(at('dir')));
  attempt('readdir no callback', () => fs.readdir(at('dir')));
  attempt('mkdir no callback', () => fs.mkdir(at('dir')));
  attempt('unlink no callback', () => fs.unlink(at('dir')));
  attempt('rename no callback', () => fs.rename(at('dir'), at('x')));
  attempt('access no callback', () => fs.access(at('dir')));
  attempt('rmdir callback an object', () => fs.rmdir(at('dir'), {}, {}));
  attempt('stat bad path with a callback', () => fs.stat(42, () => console.log('not called')));
  attempt('mkdir bad path with a callback', () => fs.mkdir(null, () => console.log('not called')));
} finally {
  fs.rmSync(base, { recursive: true, force: true });
}
console.log('done');
