// fs's callback forms: each call runs on the thread pool and its callback
// comes back on the loop, after the current code and its nextTicks. The
// calls are chained so the output order is deterministic; errors arrive as
// the callback's first argument with Node's properties.
'use strict';
const fs = require('fs');
const path = require('path');

const base = path.join(process.env.TMPDIR || '/tmp', `glass-fs-callback-${process.pid}`);
const at = (...parts) => path.join(base, ...parts);
const rel = (p) => (p === undefined ? 'undefined' : path.relative(base, p) || '.');
const show = (err) => `${err.code} ${err.errno} ${err.syscall} ${rel(err.path)}${err.dest ? ' -> ' + rel(err.dest) : ''} | ${err.message.split(base).join('<tmp>')}`;
fs.rmSync(base, { recursive: true, force: true });

// Runs the steps one after another; each gets `next`.
function series(steps) {
  const step = steps.shift();
  if (step) step(() => series(steps));
}

let sync = true;
series([
  (next) => fs.mkdir(at('d', 'e'), { recursive: true }, (err, first) => {
    console.log('mkdir recursive:', err, rel(first), 'async:', !sync);
    next();
  }),
  (next) => fs.mkdir(at('d', 'e'), (err) => {
    console.log('mkdir existing:', show(err));
    next();
  }),
  (next) => fs.writeFile(at('d', 'f.txt'), 'line one\n', (...args) => {
    console.log('writeFile:', args.length, args[0]);
    next();
  }),
  (next) => fs.appendFile(at('d', 'f.txt'), 'línea dos\n', 'utf8', (err) => {
    console.log('appendFile:', err);
    next();
  }),
  (next) => fs.readFile(at('d', 'f.txt'), 'utf8', (err, text) => {
    console.log('readFile utf8:', err, JSON.stringify(text));
    next();
  }),
  (next) => fs.readFile(at('d', 'f.txt'), (err, bytes) => {
    console.log('readFile bytes:', err, bytes.length, JSON.stringify(bytes.toString('utf8')));
    next();
  }),
  (next) => fs.readFile(at('d', 'missing.txt'), { encoding: 'utf8' }, (err, text) => {
    console.log('readFile missing:', show(err), text, err instanceof Error);
    next();
  }),
  (next) => fs.readFile(at('d'), 'utf8', (err) => {
    console.log('readFile dir:', show(err));
    next();
  }),
  (next) => fs.readdir(at('d'), (err, names) => {
    console.log('readdir:', err, names.join(' '));
    next();
  }),
  (next) => fs.readdir(at('d'), { withFileTypes: true }, (err, entries) => {
    console.log('readdir withFileTypes:', err, entries.map((e) => `${e.name}:${e.isDirectory() ? 'dir' : 'file'}`).join(' '));
    next();
  }),
  (next) => fs.readdir(at('nope'), (err) => {
    console.log('readdir missing:', show(err));
    next();
  }),
  (next) => fs.stat(at('d', 'f.txt'), (err, st) => {
    console.log('stat:', err, st.isFile(), st.isDirectory(), st.size, st instanceof fs.Stats);
    next();
  }),
  (next) => fs.lstat(at('d'), (err, st) => {
    console.log('lstat:', err, st.isFile(), st.isDirectory());
    next();
  }),
  (next) => fs.stat(at('d', 'f.txt', 'x'), (err) => {
    console.log('stat under a file:', show(err));
    next();
  }),
  (next) => fs.access(at('d', 'f.txt'), fs.constants.R_OK, (err) => {
    console.log('access:', err);
    next();
  }),
  (next) => fs.access(at('d', 'zzz'), (err) => {
    console.log('access missing:', show(err));
    next();
  }),
  (next) => fs.exists(at('d'), (yes) => {
    console.log('exists:', yes);
    next();
  }),
  (next) => fs.rename(at('d', 'f.txt'), at('d', 'g.txt'), (err) => {
    console.log('rename:', err);
    next();
  }),
  (next) => fs.rename(at('d', 'f.txt'), at('d', 'h.txt'), (err) => {
    console.log('rename missing:', show(err));
    next();
  }),
  (next) => fs.copyFile(at('d', 'g.txt'), at('d', 'c.txt'), (err) => {
    console.log('copyFile:', err, fs.readFileSync(at('d', 'c.txt'), 'utf8').length);
    next();
  }),
  (next) => fs.realpath(at('d', 'e', '..', 'c.txt'), (err, p) => {
    console.log('realpath:', err, rel(p));
    next();
  }),
  (next) => fs.mkdtemp(at('d', 'tmp-'), (err, p) => {
    console.log('mkdtemp:', err, rel(p).startsWith('d/tmp-'), rel(p).length);
    next();
  }),
  (next) => fs.rmdir(at('d'), (err) => {
    console.log('rmdir not empty:', show(err));
    next();
  }),
  (next) => fs.unlink(at('d', 'c.txt'), (err) => {
    console.log('unlink:', err);
    next();
  }),
  (next) => fs.unlink(at('d', 'e'), (err) => {
    console.log('unlink a dir:', show(err));
    next();
  }),
  (next) => fs.rmdir(at('d', 'e'), (err) => {
    console.log('rmdir:', err);
    next();
  }),
  (next) => fs.rm(at('d'), (err) => {
    console.log('rm dir:', err.name, err.code, err.message.split(base).join('<tmp>'));
    next();
  }),
  (next) => fs.rm(at('d'), { recursive: true }, (err) => {
    console.log('rm recursive:', err, fs.existsSync(at('d')));
    next();
  }),
  (next) => fs.rm(at('d'), { force: true }, (err) => {
    console.log('rm missing, force:', err);
    next();
  }),
  (next) => {
    // Completions run on the loop, after the code that started them and its nextTicks.
    const order = [];
    fs.stat(base, () => {
      order.push('stat callback');
      console.log('order:', order.join(', '));
      next();
    });
    process.nextTick(() => order.push('nextTick'));
    Promise.resolve().then(() => order.push('promise'));
    order.push('sync');
  },
  () => {
    fs.rmSync(base, { recursive: true, force: true });
    console.log('done');
  },
]);
sync = false;
