// fs.promises (also require('fs/promises') and 'node:fs/promises'): the
// same calls as promises; failures (including invalid arguments) reject
// with Node's errors.
'use strict';
const fs = require('fs');
const fsp = require('fs/promises');
const path = require('path');

const base = path.join(process.env.TMPDIR || '/tmp', `glass-fs-promises-${process.pid}`);
const at = (...parts) => path.join(base, ...parts);
const rel = (p) => (p === undefined ? 'undefined' : path.relative(base, p) || '.');
const show = (err) => `${err.name} ${err.code} ${err.errno} ${err.syscall} | ${err.message.split(base).join('<tmp>')}`;

console.log('same object:', fsp === fs.promises, fsp === require('node:fs/promises'), require('node:fs') === fs);
console.log('constants:', fsp.constants.F_OK, fsp.constants.W_OK);

async function main() {
  await fsp.rm(base, { recursive: true, force: true });
  console.log('mkdir:', rel(await fsp.mkdir(at('p', 'q'), { recursive: true })));
  const pending = fsp.writeFile(at('p', 'a.txt'), 'alpha\n');
  console.log('writeFile returns a promise:', pending instanceof Promise);
  console.log('writeFile resolves to:', await pending);
  await fsp.appendFile(at('p', 'a.txt'), 'beta\n');
  console.log('readFile:', JSON.stringify(await fsp.readFile(at('p', 'a.txt'), 'utf8')));
  console.log('readFile bytes:', (await fsp.readFile(at('p', 'a.txt'))).toString('base64'));
  console.log('readdir:', (await fsp.readdir(at('p'))).join(' '));
  console.log('readdir withFileTypes:', (await fsp.readdir(at('p'), { withFileTypes: true })).map((d) => d.name + (d.isFile() ? ':f' : ':d')).join(' '));
  const st = await fsp.stat(at('p', 'a.txt'));
  console.log('stat:', st.isFile(), st.size, (await fsp.lstat(at('p'))).isDirectory());
  console.log('access:', await fsp.access(at('p', 'a.txt'), fsp.constants.R_OK));
  await fsp.rename(at('p', 'a.txt'), at('p', 'b.txt'));
  await fsp.copyFile(at('p', 'b.txt'), at('p', 'c.txt'));
  console.log('after rename and copy:', (await fsp.readdir(at('p'))).join(' '));
  console.log('realpath:', rel(await fsp.realpath(at('p', 'q', '..'))));
  const tmp = await fsp.mkdtemp(at('p', 'tmp-'));
  console.log('mkdtemp:', rel(tmp).startsWith('p/tmp-'));
  await fsp.rmdir(tmp);
  await fsp.unlink(at('p', 'c.txt'));
  console.log('after unlink:', (await fsp.readdir(at('p'))).join(' '));

  // Rejections.
  for (const [label, run] of [
    ['readFile missing', () => fsp.readFile(at('p', 'zzz'), 'utf8')],
    ['readFile a directory', () => fsp.readFile(at('p'))],
    ['writeFile into a missing dir', () => fsp.writeFile(at('nope', 'x'), 'x')],
    ['mkdir existing', () => fsp.mkdir(at('p'))],
    ['readdir a file', () => fsp.readdir(at('p', 'b.txt'))],
    ['stat missing', () => fsp.stat(at('zz'))],
    ['rmdir not empty', () => fsp.rmdir(at('p'))],
    ['rm a directory', () => fsp.rm(at('p'))],
    ['rm missing', () => fsp.rm(at('zz'))],
    ['unlink missing', () => fsp.unlink(at('zz'))],
    ['rename missing', () => fsp.rename(at('zz'), at('yy'))],
    ['access missing', () => fsp.access(at('zz'))],
    ['invalid path', () => fsp.readFile(42n)],
    ['invalid data', () => fsp.writeFile(at('p', 'x'), 7)],
  ]) {
    let promise;
    try {
      promise = run();
    } catch (e) {
      console.log(label, 'threw synchronously:', e.message);
      continue;
    }
    await promise.then((v) => console.log(label, 'resolved', v), (e) => console.log(label + ':', show(e)));
  }
  await fsp.rm(at('p'), { recursive: true });
  console.log('removed:', fs.existsSync(at('p')));
}

main().finally(() => {
  fs.rmSync(base, { recursive: true, force: true });
  console.log('done');
});
