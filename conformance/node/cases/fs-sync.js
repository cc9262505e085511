// fs's synchronous calls: write, append, read (with and without an
// encoding), readdir (+ withFileTypes), stat/lstat, mkdir (recursive),
// rename, copyFile, access, existsSync, realpath, mkdtemp, rm, rmdir,
// unlink. Works in a fresh temp directory; prints paths relative to it.
'use strict';
const fs = require('fs');
const path = require('path');

const base = path.join(process.env.TMPDIR || '/tmp', `glass-fs-sync-${process.pid}`);
const at = (...parts) => path.join(base, ...parts);
const rel = (p) => (p === undefined ? 'undefined' : path.relative(base, p) || '.');
fs.rmSync(base, { recursive: true, force: true });

try {
  console.log('mkdir recursive returns the first dir made:', rel(fs.mkdirSync(at('a', 'b', 'c'), { recursive: true })));
  console.log('again (nothing made):', fs.mkdirSync(at('a', 'b', 'c'), { recursive: true }));
  console.log('plain mkdir returns:', fs.mkdirSync(at('a', 'x')));
  console.log('mkdir with a mode:', fs.mkdirSync(at('a', 'm'), 0o700), (fs.statSync(at('a', 'm')).mode & 0o777).toString(8));

  const file = at('a', 'hello.txt');
  console.log('writeFileSync returns:', fs.writeFileSync(file, 'Hello, wörld — €\n'));
  fs.appendFileSync(file, 'second line\n');
  fs.appendFileSync(file, 'third line\n', 'utf8');
  console.log(JSON.stringify(fs.readFileSync(file, 'utf8')));
  console.log(JSON.stringify(fs.readFileSync(file, { encoding: 'utf-8' })));
  console.log('latin1:', JSON.stringify(fs.readFileSync(file, 'latin1').slice(0, 12)));
  console.log('hex:', fs.readFileSync(file, 'hex').slice(0, 20));
  console.log('base64:', fs.readFileSync(file, 'base64').slice(0, 24));

  // Without an encoding: the bytes (a Buffer in Node).
  const bytes = fs.readFileSync(file);
  console.log('bytes: length', bytes.length, 'as text', JSON.stringify(bytes.toString()));
  console.log('String(bytes) === utf8 text:', String(bytes) === fs.readFileSync(file, 'utf8'));
  console.log('bytes.toString("hex", 0, 5):', bytes.toString('hex', 0, 5));
  console.log('JSON of bytes:', JSON.stringify(fs.readFileSync(at('a', 'hello.txt'), { flag: 'r' })).slice(0, 40));
  fs.writeFileSync(at('a', 'copy.bin'), bytes);
  console.log('bytes written back unchanged:', fs.readFileSync(at('a', 'copy.bin'), 'hex') === fs.readFileSync(file, 'hex'));

  // Encodings when writing.
  fs.writeFileSync(at('a', 'hex.txt'), '48692100', 'hex');
  console.log('hex written:', JSON.stringify(fs.readFileSync(at('a', 'hex.txt'), 'latin1')));
  fs.writeFileSync(at('a', 'b64.txt'), 'aGVsbG8gd29ybGQ=', { encoding: 'base64' });
  console.log('base64 written:', fs.readFileSync(at('a', 'b64.txt'), 'utf8'));
  fs.writeFileSync(at('a', 'latin.txt'), 'caf\u00e9', 'latin1');
  console.log('latin1 written: size', fs.statSync(at('a', 'latin.txt')).size, fs.readFileSync(at('a', 'latin.txt'), 'latin1'));
  fs.writeFileSync(at('a', 'u16.txt'), 'hi€', 'utf16le');
  console.log('utf16le round trip:', fs.readFileSync(at('a', 'u16.txt'), 'ucs2'), fs.readFileSync(at('a', 'u16.txt'), 'hex'));
  fs.writeFileSync(at('a', 'flag.txt'), 'one\n', { flag: 'a' });
  fs.writeFileSync(at('a', 'flag.txt'), 'two\n', { flag: 'a' });
  console.log('flag a:', JSON.stringify(fs.readFileSync(at('a', 'flag.txt'), 'utf8')));
  fs.writeFileSync(at('a', 'empty.txt'), '');
  console.log('empty file:', JSON.stringify(fs.readFileSync(at('a', 'empty.txt'), 'utf8')), fs.readFileSync(at('a', 'empty.txt')).length);

  console.log('readdir:', fs.readdirSync(at('a')).join(' '));
  console.log('readdir utf8:', fs.readdirSync(at('a'), 'utf8').length);
  for (const d of fs.readdirSync(at('a'), { withFileTypes: true })) {
    console.log('  dirent', d.name, d.isFile(), d.isDirectory(), d.isSymbolicLink(), rel(d.path), rel(d.parentPath), d instanceof fs.Dirent);
  }

  const st = fs.statSync(file);
  console.log('stat file:', st.isFile(), st.isDirectory(), st.isSymbolicLink(), st.isFIFO(), st.size, st instanceof fs.Stats);
  console.log('stat types:', typeof st.mtimeMs, st.mtime instanceof Date, st.mtime.getTime() === Math.floor(st.mtimeMs) || Math.abs(st.mtime.getTime() - st.mtimeMs) < 1,
    typeof st.dev, typeof st.ino, typeof st.mode, typeof st.nlink, typeof st.uid, typeof st.blksize, typeof st.blocks);
  console.log('stat keys:', Object.keys(st).join(' '));
  console.log('mtime recent:', Math.abs(Date.now() - st.mtimeMs) < 600000);
  const sd = fs.lstatSync(at('a'));
  console.log('lstat dir:', sd.isFile(), sd.isDirectory(), (sd.mode & fs.constants.S_IFMT) === fs.constants.S_IFDIR);
  console.log('stat missing with throwIfNoEntry false:', fs.statSync(at('nope'), { throwIfNoEntry: false }));

  fs.renameSync(file, at('a', 'renamed.txt'));
  console.log('renamed:', fs.existsSync(file), fs.existsSync(at('a', 'renamed.txt')));
  fs.copyFileSync(at('a', 'renamed.txt'), at('a', 'copied.txt'));
  console.log('copied:', fs.readFileSync(at('a', 'copied.txt'), 'utf8').split('\n')[1]);
  console.log('copyFile EXCL over an existing file throws:', (() => {
    try { fs.copyFileSync(at('a', 'renamed.txt'), at('a', 'copied.txt'), fs.constants.COPYFILE_EXCL); return 'no'; } catch (e) { return e.code; }
  })());

  console.log('accessSync returns:', fs.accessSync(at('a', 'copied.txt')), fs.accessSync(at('a', 'copied.txt'), fs.constants.R_OK | fs.constants.W_OK));
  console.log('constants:', fs.constants.F_OK, fs.constants.R_OK, fs.constants.W_OK, fs.constants.X_OK, fs.F_OK, fs.R_OK, fs.W_OK, fs.X_OK);
  console.log('existsSync:', fs.existsSync(base), fs.existsSync(at('a', 'nope')), fs.existsSync(), fs.existsSync(42), fs.existsSync(at('a') + '/'));

  console.log('realpath:', rel(fs.realpathSync(at('a', 'b', '..', 'copied.txt'))), rel(fs.realpathSync.native(at('a', '.', 'b'))));
  const tmp = fs.mkdtempSync(at('tmp-'));
  console.log('mkdtemp:', rel(tmp).length, rel(tmp).startsWith('tmp-'), fs.statSync(tmp).isDirectory());

  console.log('unlinkSync returns:', fs.unlinkSync(at('a', 'copied.txt')));
  console.log('rmdirSync returns:', fs.rmdirSync(at('a', 'x')));
  console.log('rmSync file:', fs.rmSync(at('a', 'renamed.txt')));
  console.log('rmSync missing with force:', fs.rmSync(at('a', 'nope'), { force: true }));
  console.log('rmSync tree:', fs.rmSync(at('a'), { recursive: true }));
  console.log('left:', fs.readdirSync(base).map((n) => (n.startsWith('tmp-') ? 'tmp-XXXXXX' : n)).join(' '));
} finally {
  fs.rmSync(base, { recursive: true, force: true });
}
console.log('cleaned up:', !fs.existsSync(base));
