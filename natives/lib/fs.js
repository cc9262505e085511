// node:fs — the file system, Node v20's API for the calls scripts make
// every day, in three forms: fooSync (runs now), foo(..., callback) (runs
// on the loop's thread pool) and fs.promises.foo (a promise; also
// require('fs/promises')). The system calls are in C++ (internal:fs,
// natives/fs.cpp); this file validates arguments with Node's errors, turns
// the binding's failure descriptions into Node's errors, and builds Stats,
// Dirent and the decoded contents.
//
// readFile without an encoding returns a Buffer; writeFile and appendFile
// take strings, Buffers and the other ArrayBuffer views.
'use strict';
const binding = require('internal:fs');
const { inspect } = require('util');

const { constants } = binding;
const kAsync = true;

// ---------------------------------------------------------------------------
// Errors, worded as Node words them.

// A string as util.inspect quotes it (control characters escaped).
function quote(s) {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (ch === q || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).toUpperCase().padStart(2, '0');
    else out += ch;
  }
  return q + out + q;
}

function show(value) {
  return typeof value === 'string' ? quote(value) : inspect(value);
}

// "Received ..." in ERR_INVALID_ARG_TYPE messages.
function received(value) {
  if (value == null) return 'Received ' + value;
  if (typeof value === 'function') return `Received function ${value.name}`;
  if (typeof value === 'object') {
    if (value.constructor && value.constructor.name) return `Received an instance of ${value.constructor.name}`;
    return `Received ${inspect(value, { depth: -1 })}`;
  }
  let shown = show(value);
  if (shown.length > 28) shown = shown.slice(0, 25) + '...';
  return `Received type ${typeof value} (${shown})`;
}

// `header` and the stack's frames below this module's own: the error seems
// to come from the script's call, as Node's do.
function userStack(header, stack) {
  const lines = stack.split('\n');
  let i = 1;
  while (i < lines.length && /[( ]node:fs:\d/.test(lines[i])) i++;
  return [header, ...lines.slice(i)].join('\n');
}

// An error with a Node code: its stack and toString read "TypeError [CODE]: message".
function nodeError(Base, code, message, name) {
  const err = new Base(message);
  if (name !== undefined) Object.defineProperty(err, 'name', { value: name, writable: true, configurable: true });
  err.code = code;
  err.stack = userStack(`${err.name} [${code}]: ${message}`, err.stack);
  Object.defineProperty(err, 'toString', {
    value() { return `${this.name} [${code}]: ${this.message}`; },
    writable: true, configurable: true,
  });
  return err;
}

function argTypeError(name, expected, value) {
  const what = name.includes('.') ? 'property' : 'argument';
  return nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `The "${name}" ${what} must be ${expected}. ${received(value)}`);
}

function argValueError(name, value, reason) {
  const what = name.includes('.') ? 'property' : 'argument';
  let shown = show(value);
  if (shown.length > 128) shown = shown.slice(0, 128) + '...';
  return nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The ${what} '${name}' ${reason}. Received ${shown}`);
}

function outOfRange(name, range, value) {
  return nodeError(RangeError, 'ERR_OUT_OF_RANGE',
    `The value of "${name}" is out of range. It must be ${range}. Received ${show(value)}`);
}

// The binding's failure { errno, code, message, syscall, path?, dest? } as Node's error.
function fsError(d, async) {
  if (d instanceof Error) return d;  // thrown while converting a result (e.g. a file too big for a string)
  if (d.code === 'EISDIR' && d.syscall === 'rm') return rmDirectoryError(d.path);
  let message = `${d.code}: ${d.message}, ${d.syscall}`;
  if (d.path !== undefined) message += ` '${d.path}'`;
  if (d.dest !== undefined) message += ` -> '${d.dest}'`;
  const err = new Error(message);
  err.errno = d.errno;
  err.code = d.code;
  err.syscall = d.syscall;
  if (d.path !== undefined) err.path = d.path;
  if (d.dest !== undefined) err.dest = d.dest;
  // Node's callback errors carry no frames; its promise errors (async === 'promise') keep theirs.
  if (async !== 'promise') err.stack = async ? `Error: ${message}` : userStack(`Error: ${message}`, err.stack);
  return err;
}

// fs.rm on a directory without { recursive: true }: Node's SystemError ERR_FS_EISDIR.
function rmDirectoryError(path) {
  const info = { code: 'EISDIR', message: 'is a directory', path, syscall: 'rm', errno: 21 };
  const err = nodeError(Error, 'ERR_FS_EISDIR',
    `Path is a directory: rm returned EISDIR (is a directory) ${path}`, 'SystemError');
  err.info = info;
  for (const key of ['errno', 'syscall', 'path']) {
    Object.defineProperty(err, key, {
      get() { return info[key]; },
      set(value) { info[key] = value; },
      enumerable: true, configurable: true,
    });
  }
  return err;
}

// ---------------------------------------------------------------------------
// Argument validation.

function validatePath(path, name = 'path') {
  if (typeof path === 'string') {
    if (path.includes('\u0000'))
      throw argValueError(name, path, 'must be a string, Uint8Array, or URL without null bytes');
    return path;
  }
  if (path !== null && typeof path === 'object' && typeof path.href === 'string' && 'protocol' in path) {
    if (path.protocol !== 'file:') throw nodeError(TypeError, 'ERR_INVALID_URL_SCHEME', 'The URL must be of scheme file');
    return decodeURIComponent(path.pathname);
  }
  throw argTypeError(name, 'of type string or an instance of Buffer or URL', path);
}

// readFile / writeFile also take a file descriptor.
function validatePathOrFd(path) {
  if (typeof path === 'number') {
    if (!Number.isInteger(path)) throw outOfRange('fd', 'an integer', path);
    if (path < 0 || path > 2147483647) throw outOfRange('fd', '>= 0 && <= 2147483647', path);
    return path;
  }
  return validatePath(path);
}

function validateCallback(cb) {
  if (typeof cb !== 'function') throw argTypeError('cb', 'of type function', cb);
  return cb;
}

function validateBoolean(value, name) {
  if (typeof value !== 'boolean') throw argTypeError(name, 'of type boolean', value);
  return value;
}

function parseMode(value, fallback) {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'string' && /^[0-7]+$/.test(value)) value = parseInt(value, 8);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 4294967295)
    throw argValueError('mode', value, 'must be a 32-bit unsigned integer or an octal string');
  return value;
}

const flagTable = {
  r: constants.O_RDONLY,
  rs: constants.O_RDONLY | constants.O_SYNC,
  sr: constants.O_RDONLY | constants.O_SYNC,
  'r+': constants.O_RDWR,
  'rs+': constants.O_RDWR | constants.O_SYNC,
  'sr+': constants.O_RDWR | constants.O_SYNC,
  w: constants.O_TRUNC | constants.O_CREAT | constants.O_WRONLY,
  wx: constants.O_TRUNC | constants.O_CREAT | constants.O_WRONLY | constants.O_EXCL,
  xw: constants.O_TRUNC | constants.O_CREAT | constants.O_WRONLY | constants.O_EXCL,
  'w+': constants.O_TRUNC | constants.O_CREAT | constants.O_RDWR,
  'wx+': constants.O_TRUNC | constants.O_CREAT | constants.O_RDWR | constants.O_EXCL,
  'xw+': constants.O_TRUNC | constants.O_CREAT | constants.O_RDWR | constants.O_EXCL,
  a: constants.O_APPEND | constants.O_CREAT | constants.O_WRONLY,
  ax: constants.O_APPEND | constants.O_CREAT | constants.O_WRONLY | constants.O_EXCL,
  xa: constants.O_APPEND | constants.O_CREAT | constants.O_WRONLY | constants.O_EXCL,
  as: constants.O_APPEND | constants.O_CREAT | constants.O_WRONLY | constants.O_SYNC,
  sa: constants.O_APPEND | constants.O_CREAT | constants.O_WRONLY | constants.O_SYNC,
  'a+': constants.O_APPEND | constants.O_CREAT | constants.O_RDWR,
  'ax+': constants.O_APPEND | constants.O_CREAT | constants.O_RDWR | constants.O_EXCL,
  'xa+': constants.O_APPEND | constants.O_CREAT | constants.O_RDWR | constants.O_EXCL,
  'as+': constants.O_APPEND | constants.O_CREAT | constants.O_RDWR | constants.O_SYNC,
  'sa+': constants.O_APPEND | constants.O_CREAT | constants.O_RDWR | constants.O_SYNC,
};

function parseFlags(flag, fallback) {
  if (flag === undefined || flag === null) return flagTable[fallback];
  if (typeof flag === 'number') return flag;
  if (typeof flag === 'string' && Object.prototype.hasOwnProperty.call(flagTable, flag)) return flagTable[flag];
  throw argValueError('flags', flag, 'is invalid');
}

// Options given as an encoding string or an object (Node's getOptions).
function getOptions(options) {
  if (options === undefined || options === null || typeof options === 'function') return {};
  if (typeof options === 'string') {
    normalizeEncoding(options);
    return { encoding: options };
  }
  if (typeof options !== 'object') throw argTypeError('options', 'one of type string or object', options);
  if (options.encoding !== undefined && options.encoding !== null && options.encoding !== 'buffer')
    normalizeEncoding(options.encoding);
  return options;
}

// ---------------------------------------------------------------------------
// Encodings, over "byte strings" (one char per byte, 0..255).

const encodingNames = {
  utf8: 'utf8', 'utf-8': 'utf8', latin1: 'latin1', binary: 'latin1', ascii: 'ascii', hex: 'hex',
  base64: 'base64', base64url: 'base64url', ucs2: 'utf16le', 'ucs-2': 'utf16le', utf16le: 'utf16le',
  'utf-16le': 'utf16le',
};

function normalizeEncoding(encoding) {
  const name = typeof encoding === 'string' ? encodingNames[encoding.toLowerCase()] : undefined;
  if (name === undefined) throw argValueError('encoding', encoding, 'is invalid encoding');
  return name;
}

const { toBuffer, viewToByteString, decodeBytes, encodeString } = require('internal/byte_string');

// ---------------------------------------------------------------------------
// Stats and Dirent.

const S_IFMT = constants.S_IFMT;

class StatsBase {
  isDirectory() { return (this.mode & S_IFMT) === constants.S_IFDIR; }
  isFile() { return (this.mode & S_IFMT) === constants.S_IFREG; }
  isBlockDevice() { return (this.mode & S_IFMT) === constants.S_IFBLK; }
  isCharacterDevice() { return (this.mode & S_IFMT) === constants.S_IFCHR; }
  isSymbolicLink() { return (this.mode & S_IFMT) === constants.S_IFLNK; }
  isFIFO() { return (this.mode & S_IFMT) === constants.S_IFIFO; }
  isSocket() { return (this.mode & S_IFMT) === constants.S_IFSOCK; }
}

class Stats extends StatsBase {
  constructor(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
    atimeMs, mtimeMs, ctimeMs, birthtimeMs) {
    super();
    Object.assign(this, { dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
      atimeMs, mtimeMs, ctimeMs, birthtimeMs });
    this.atime = new Date(atimeMs);
    this.mtime = new Date(mtimeMs);
    this.ctime = new Date(ctimeMs);
    this.birthtime = new Date(birthtimeMs);
  }
}

function makeStats(fields) {
  return new Stats(...fields);
}

const kType = Symbol('type');

class Dirent {
  constructor(name, type, path) {
    this.name = name;
    this.parentPath = path;
    this.path = path;
    this[kType] = type;
  }
  isDirectory() { return this[kType] === constants.UV_DIRENT_DIR; }
  isFile() { return this[kType] === constants.UV_DIRENT_FILE; }
  isBlockDevice() { return this[kType] === constants.UV_DIRENT_BLOCK; }
  isCharacterDevice() { return this[kType] === constants.UV_DIRENT_CHAR; }
  isSymbolicLink() { return this[kType] === constants.UV_DIRENT_LINK; }
  isFIFO() { return this[kType] === constants.UV_DIRENT_FIFO; }
  isSocket() { return this[kType] === constants.UV_DIRENT_SOCKET; }
}

// ---------------------------------------------------------------------------
// Running a binding call in the three forms.

// Calls binding function `fn` with `args`, then `finish(result)`: now when
// `callback` is undefined (returns it, or throws Node's error), else on the
// pool with callback(error) / callback(null, result) (callback(null) when
// `finish` is `done`, for calls that have no result).
function invoke(fn, args, finish, callback, forPromise = false) {
  if (callback === undefined) {
    const ctx = {};
    const result = fn(...args, ctx);
    if (ctx.code !== undefined) throw fsError(ctx, false);
    return finish(result);
  }
  fn(...args, (d, result) => {
    // Node's callback errors have no frames; its promise errors keep theirs.
    if (d) callback(fsError(d, forPromise ? 'promise' : kAsync));
    else if (finish === done) callback(null);
    else callback(null, finish(result));
  });
}

function done() {}
function same(result) { return result; }

function promised(fn, args, finish) {
  return new Promise((resolve, reject) => {
    invoke(fn, args, finish, (err, result) => (err ? reject(err) : resolve(result)), true);
  });
}

// Each operation below is `prepare(...args) -> [binding function, args, finish]`,
// shared by its three forms.

function prepareReadFile(path, options) {
  options = getOptions(options);
  const target = validatePathOrFd(path);
  const flags = parseFlags(options.flag, 'r');
  const encoding = options.encoding == null || options.encoding === 'buffer' ? null : normalizeEncoding(options.encoding);
  if (encoding === 'utf8') return [binding.readFile, [target, flags, false], same];
  const finish = encoding === null ? toBuffer : (bytes) => decodeBytes(bytes, encoding);
  return [binding.readFile, [target, flags, true], finish];
}

function prepareWriteFile(path, data, options, flag) {
  options = getOptions(options);
  let bytes, latin1;
  if (ArrayBuffer.isView(data)) {
    bytes = viewToByteString(data);
    latin1 = true;
  } else if (typeof data === 'string') {
    const encoding = options.encoding == null ? 'utf8' : normalizeEncoding(options.encoding);
    latin1 = encoding !== 'utf8';
    bytes = latin1 && encoding !== 'latin1' && encoding !== 'ascii' ? encodeString(data, encoding) : data;
  } else {
    throw argTypeError('data', 'of type string or an instance of Buffer, TypedArray, or DataView', data);
  }
  const target = validatePathOrFd(path);
  const flags = parseFlags(options.flag, flag);
  const mode = parseMode(options.mode, 0o666);
  return [binding.writeFile, [target, bytes, latin1, flags, mode], done];
}

function prepareReaddir(path, options) {
  options = getOptions(options);
  path = validatePath(path);
  if (options.withFileTypes) {
    const finish = ([names, types]) => names.map((name, i) => new Dirent(name, types[i], path));
    return [binding.readdir, [path, true], finish];
  }
  return [binding.readdir, [path, false], same];
}

function prepareStat(path, lstat) {
  return [binding.stat, [validatePath(path), lstat], makeStats];
}

function prepareMkdir(path, options) {
  path = validatePath(path);
  let recursive = false, mode = 0o777;
  if (typeof options === 'number' || typeof options === 'string') {
    mode = parseMode(options, 0o777);
  } else if (options !== undefined && options !== null) {
    if (options.recursive !== undefined) recursive = validateBoolean(options.recursive, 'options.recursive');
    mode = parseMode(options.mode, 0o777);
  }
  return [binding.mkdir, [path, recursive, mode], recursive ? same : done];
}

function prepareRm(path, options) {
  path = validatePath(path);
  let recursive = false, force = false;
  if (options !== undefined && options !== null) {
    if (typeof options !== 'object') throw argTypeError('options', 'of type object', options);
    if (options.recursive !== undefined) recursive = validateBoolean(options.recursive, 'options.recursive');
    if (options.force !== undefined) force = validateBoolean(options.force, 'options.force');
  }
  return [binding.rm, [path, recursive, force], done];
}

function prepareRmdir(path, options) {
  path = validatePath(path);
  // Deprecated in Node, still honoured: rmdir(path, { recursive: true }) is rm -r.
  if (options && options.recursive) return [binding.rm, [path, true, false], done];
  return [binding.rmdir, [path], done];
}

function prepareUnlink(path) {
  return [binding.unlink, [validatePath(path)], done];
}

function prepareRename(oldPath, newPath) {
  oldPath = validatePath(oldPath, 'oldPath');
  newPath = validatePath(newPath, 'newPath');
  return [binding.rename, [oldPath, newPath], done];
}

function prepareCopyFile(src, dest, mode) {
  src = validatePath(src, 'src');
  dest = validatePath(dest, 'dest');
  mode = mode === undefined || mode === null ? 0 : mode;
  if (typeof mode !== 'number' || !Number.isInteger(mode)) throw argTypeError('mode', 'of type number', mode);
  return [binding.copyFile, [src, dest, mode], done];
}

function prepareAccess(path, mode) {
  path = validatePath(path);
  if (mode === undefined || mode === null) mode = constants.F_OK;
  else if (!Number.isInteger(mode))
    throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'mode must be int32 or null/undefined');
  else if (mode < 0 || mode > 7) throw nodeError(RangeError, 'ERR_OUT_OF_RANGE', 'mode is out of range: >= 0 && <= 7');
  return [binding.access, [path, mode], done];
}

function prepareRealpath(path, options, native) {
  getOptions(options);
  return [binding.realpath, [validatePath(path), native], same];
}

function prepareMkdtemp(prefix, options) {
  getOptions(options);
  return [binding.mkdtemp, [validatePath(prefix, 'prefix')], same];
}

// The three forms of one operation. `arity`: how many arguments come before
// the callback; `optional`: the last of them may be left out (the callback
// takes its place); `orOptions`: a missing callback is reported as the
// options argument, as Node's readFile/writeFile/appendFile do.
function syncForm(prepare) {
  return function (...args) {
    const [fn, callArgs, finish] = prepare(...args);
    return invoke(fn, callArgs, finish, undefined);
  };
}

function callbackForm(prepare, arity, optional, orOptions) {
  return function (...args) {
    let callback = args[arity];
    if (optional && typeof args[arity - 1] === 'function') {
      callback = args[arity - 1];
      args[arity - 1] = undefined;
    } else if (orOptions) {
      callback = callback || args[arity - 1];
    }
    validateCallback(callback);
    args.length = arity;
    const [fn, callArgs, finish] = prepare(...args);
    invoke(fn, callArgs, finish, callback);
  };
}

function promiseForm(prepare) {
  return async function (...args) {
    const [fn, callArgs, finish] = prepare(...args);
    return promised(fn, callArgs, finish);
  };
}

function named(fn, name) {
  return Object.defineProperty(fn, 'name', { value: name, configurable: true });
}

// name: [prepare, arity, optional, orOptions] (see callbackForm).
const operations = {
  readFile: [prepareReadFile, 2, true, true],
  writeFile: [(path, data, options) => prepareWriteFile(path, data, options, 'w'), 3, true, true],
  appendFile: [(path, data, options) => prepareWriteFile(path, data, options, 'a'), 3, true, true],
  readdir: [prepareReaddir, 2, true],
  stat: [(path) => prepareStat(path, false), 2, true],
  lstat: [(path) => prepareStat(path, true), 2, true],
  mkdir: [prepareMkdir, 2, true],
  rm: [prepareRm, 2, true],
  rmdir: [prepareRmdir, 2, true],
  unlink: [prepareUnlink, 1, false],
  rename: [prepareRename, 2, false],
  copyFile: [prepareCopyFile, 3, true],
  access: [prepareAccess, 2, true],
  realpath: [(path, options) => prepareRealpath(path, options, false), 2, true],
  mkdtemp: [prepareMkdtemp, 2, true],
};

const fs = {};
const promises = { constants };
for (const name of Object.keys(operations)) {
  const [prepare, arity, optional, orOptions] = operations[name];
  fs[name] = named(callbackForm(prepare, arity, optional, orOptions), name);
  fs[name + 'Sync'] = named(syncForm(prepare), name + 'Sync');
  promises[name] = named(promiseForm(prepare), name);
}

// stat/lstat's { throwIfNoEntry: false }: undefined for a missing path.
for (const name of ['statSync', 'lstatSync']) {
  const plain = fs[name];
  fs[name] = function (path, options) {
    try {
      return plain(path);
    } catch (err) {
      if (options && options.throwIfNoEntry === false && (err.code === 'ENOENT' || err.code === 'ENOTDIR')) return undefined;
      throw err;
    }
  };
}

const realpathNative = (path, options) => prepareRealpath(path, options, true);
fs.realpath.native = named(callbackForm(realpathNative, 2, true), 'native');
fs.realpathSync.native = named(syncForm(realpathNative), 'native');

fs.existsSync = function existsSync(path) {
  try {
    path = validatePath(path);
  } catch {
    return false;
  }
  return binding.exists(path);
};

// Deprecated in Node, still used: the callback gets only a boolean.
fs.exists = function exists(path, callback) {
  validateCallback(callback);
  let valid = true;
  try {
    path = validatePath(path);
  } catch {
    valid = false;
  }
  if (!valid) return void process.nextTick(callback, false);
  binding.access(path, constants.F_OK, (d) => callback(!d));
};

Object.assign(fs, {
  constants,
  F_OK: constants.F_OK,
  R_OK: constants.R_OK,
  W_OK: constants.W_OK,
  X_OK: constants.X_OK,
  Stats,
  Dirent,
  promises,
});

module.exports = fs;
