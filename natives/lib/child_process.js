// node:child_process — spawn, exec, execFile (and their Sync forms) as
// Node 20's: argument checks and errors worded as Node's, the ChildProcess
// events ('spawn', 'error', 'exit', 'close'), stdio pipes as streams,
// 'inherit' / 'ignore' / descriptors, shell commands, timeouts, maxBuffer,
// killSignal, AbortSignal. The processes themselves are
// eventloop/child_process.h (internal:process_wrap); nothing blocks the
// loop except the *Sync forms, as in Node. fork() (an IPC channel) is not
// supported yet.
'use strict';

const EventEmitter = require('events');
const binding = require('internal:process_wrap');
const { PipeStream } = require('internal/pipe_stream');
const { toBuffer, viewToByteString } = require('internal/byte_string');
const processBinding = require('internal:process');
const {
  validateString, validateFunction, validateObject, validateArray, validateBoolean, validateInteger,
  validateAbortSignal, validateOneOf,
} = require('internal/validators');

function codes() {
  return require('internal/errors').codes;
}

// ---- arguments ------------------------------------------------------------------

function convertToValidSignal(signal) {
  if (typeof signal === 'number' && Object.values(processBinding.signals).includes(signal)) return signal;
  if (typeof signal === 'string') {
    const n = processBinding.signals[signal.toUpperCase()];
    if (n !== undefined) return n;
  }
  throw new (codes().ERR_UNKNOWN_SIGNAL)(signal);
}

function getValidatedPath(value, name) {
  if (value != null && typeof value === 'object' && typeof value.href === 'string' && value.protocol === 'file:') {
    return require('internal/url').fileURLToPath(value);
  }
  validateString(value, name);
  return value;
}

// Node's normalizeSpawnArguments: file, args, options -> what spawn needs.
function normalizeSpawnArguments(file, args, options) {
  validateString(file, 'file');
  if (file.length === 0) throw new (codes().ERR_INVALID_ARG_VALUE)('file', file, 'cannot be empty');
  if (Array.isArray(args)) {
    args = args.slice();
  } else if (args == null) {
    args = [];
  } else if (typeof args !== 'object') {
    throw new (codes().ERR_INVALID_ARG_TYPE)('args', 'object', args);
  } else {
    options = args;
    args = [];
  }
  if (options === undefined) options = {};
  else validateObject(options, 'options');
  let cwd = options.cwd;
  if (cwd != null) cwd = getValidatedPath(cwd, 'options.cwd');
  if (options.detached != null) validateBoolean(options.detached, 'options.detached');
  if (options.uid != null && !Number.isInteger(options.uid)) throw new (codes().ERR_INVALID_ARG_TYPE)('options.uid', 'int32', options.uid);
  if (options.gid != null && !Number.isInteger(options.gid)) throw new (codes().ERR_INVALID_ARG_TYPE)('options.gid', 'int32', options.gid);
  if (options.shell != null && typeof options.shell !== 'boolean' && typeof options.shell !== 'string') {
    throw new (codes().ERR_INVALID_ARG_TYPE)('options.shell', ['boolean', 'string'], options.shell);
  }
  if (options.argv0 != null) validateString(options.argv0, 'options.argv0');
  if (options.windowsHide != null) validateBoolean(options.windowsHide, 'options.windowsHide');
  if (options.windowsVerbatimArguments != null) {
    validateBoolean(options.windowsVerbatimArguments, 'options.windowsVerbatimArguments');
  }
  if (options.shell) {
    const command = args.length > 0 ? `${file} ${args.join(' ')}` : file;
    file = typeof options.shell === 'string' ? options.shell : '/bin/sh';
    args = ['-c', command];
  }
  if (typeof options.argv0 === 'string') args.unshift(options.argv0);
  else args.unshift(file);
  const env = options.env || process.env;
  const envPairs = [];
  for (const key of Object.keys(env)) {
    const value = env[key];
    if (value !== undefined) {
      if (key.includes('\u0000') || String(value).includes('\u0000')) {
        throw new (codes().ERR_INVALID_ARG_VALUE)('options.env', env, 'must be a string without null bytes');
      }
      envPairs.push(`${key}=${value}`);
    }
  }
  return { ...options, args, cwd, detached: !!options.detached, envPairs, file, windowsHide: !!options.windowsHide };
}

// stdio: 'pipe' | 'inherit' | 'ignore' | an array of those, descriptors,
// streams with an fd, null/undefined (pipe for 0-2).
function getValidStdio(stdio) {
  if (typeof stdio === 'string') {
    switch (stdio) {
      case 'ignore':
      case 'pipe':
      case 'inherit':
      case 'overlapped':
        stdio = [stdio, stdio, stdio];
        break;
      default:
        throw new (codes().ERR_INVALID_ARG_VALUE)('stdio', stdio);
    }
  } else if (!Array.isArray(stdio)) {
    throw new (codes().ERR_INVALID_ARG_VALUE)('stdio', stdio);
  }
  while (stdio.length < 3) stdio.push(undefined);
  return stdio.map((s, i) => {
    if (s == null) s = i < 3 ? 'pipe' : 'ignore';
    if (s === 'ignore') return { type: 'ignore' };
    if (s === 'pipe' || s === 'overlapped') return { type: 'pipe' };
    if (s === 'inherit') return { type: 'inherit', fd: i };
    if (s === 'ipc') throw new Error('child_process: an IPC channel (stdio "ipc", fork) is not supported by Glass yet');
    if (typeof s === 'number') return { type: 'fd', fd: s };
    if (typeof s === 'object' && s !== null && typeof s.fd === 'number') return { type: 'fd', fd: s.fd };
    throw new (codes().ERR_INVALID_ARG_VALUE)('stdio', s);
  });
}

// ---- ChildProcess ----------------------------------------------------------------

function spawnError(info, file, spawnargs) {
  const err = new Error(`spawn ${file} ${info.code}`);
  err.errno = info.errno;
  err.code = info.code;
  err.syscall = `spawn ${file}`;
  err.path = file;
  err.spawnargs = spawnargs.slice(1);
  return err;
}

class ChildProcess extends EventEmitter {
  constructor() {
    super();
    this._closesNeeded = 1;
    this._closesGot = 0;
    this.connected = false;
    this.signalCode = null;
    this.exitCode = null;
    this.killed = false;
    this.spawnfile = null;
    this._handleId = null;
    this.stdin = null;
    this.stdout = null;
    this.stderr = null;
    this.stdio = [];
  }

  spawn(options) {
    validateObject(options, 'options');
    const stdio = getValidStdio(options.stdio === undefined ? 'pipe' : options.stdio);
    if (options.envPairs === undefined) options.envPairs = [];
    validateArray(options.envPairs, 'options.envPairs');
    validateString(options.file, 'options.file');
    this.spawnfile = options.file;
    if (options.args === undefined) this.spawnargs = [];
    else {
      validateArray(options.args, 'options.args');
      this.spawnargs = options.args;
    }
    const result = binding.spawn(this, {
      file: options.file, args: this.spawnargs, env: options.envPairs, cwd: options.cwd,
      detached: options.detached, uid: options.uid, gid: options.gid, stdio,
    });
    if (result.errno !== undefined) {
      // Node reports a program that cannot start as 'error' (after 'spawn' would have been).
      const err = spawnError(result, this.spawnfile, this.spawnargs);
      process.nextTick(() => this._onexit(-2, null, err));
      return result.errno;
    }
    this._handleId = result.id;
    this.pid = result.pid;
    for (let i = 0; i < stdio.length; i++) {
      const id = result.stdio[i];
      if (id === null || id === undefined) {
        this.stdio.push(null);
        continue;
      }
      const stream = new PipeStream(id, { readable: i !== 0, writable: i === 0 || i > 2 });
      if (i > 0) {
        this._closesNeeded++;
        stream.on('close', () => this._maybeClose());
      }
      this.stdio.push(stream);
    }
    this.stdin = this.stdio[0] ?? null;
    this.stdout = this.stdio[1] ?? null;
    this.stderr = this.stdio[2] ?? null;
    // A read side nobody reads still drains, as Node's (so the child never blocks on a full pipe).
    for (const s of [this.stdout, this.stderr]) if (s) s.resume();
    process.nextTick(() => this.emit('spawn'));
    return 0;
  }

  // The loop's exit report (or a failure to start: code -2 and the error).
  _onexit(exitCode, signalCode, spawnErr) {
    if (signalCode) this.signalCode = signalCode;
    else this.exitCode = exitCode;
    if (this.stdin) this.stdin.destroy();
    this._handleId = null;
    if (spawnErr) {
      this.emit('error', spawnErr);
    } else if (exitCode < 0 && !signalCode) {
      this.emit('error', new Error(`spawn ${this.spawnfile} failed`));
    } else {
      this.emit('exit', this.exitCode, this.signalCode);
    }
    process.nextTick(() => this._maybeClose());
  }

  _maybeClose() {
    this._closesGot++;
    if (this._closesGot === this._closesNeeded) this.emit('close', this.exitCode, this.signalCode);
  }

  kill(sig) {
    const signal = sig === 0 ? sig : convertToValidSignal(sig === undefined ? 'SIGTERM' : sig);
    if (this._handleId !== null) {
      const err = binding.kill(this._handleId, signal);
      if (err === 0) {
        this.killed = true;
        return true;
      }
      if (err !== 'ESRCH') {
        const e = new Error(`kill ${err}`);
        e.code = err;
        e.errno = -1;
        e.syscall = 'kill';
        this.emit('error', e);
      }
    }
    return false;
  }

  ref() {
    if (this._handleId !== null) binding.ref(this._handleId, true);
  }

  unref() {
    if (this._handleId !== null) binding.ref(this._handleId, false);
  }

  get [Symbol.toStringTag]() {
    return 'ChildProcess';
  }
}

// ---- spawn ---------------------------------------------------------------------

function spawn(file, args, options) {
  options = normalizeSpawnArguments(file, args, options);
  validateTimeout(options.timeout);
  validateAbortSignal(options.signal, 'options.signal');
  const killSignal = sanitizeKillSignal(options.killSignal);
  const child = new ChildProcess();
  child.spawn(options);
  if (options.timeout > 0) {
    let timeoutId = setTimeout(() => {
      if (timeoutId) {
        try {
          child.kill(killSignal);
        } catch (err) {
          child.emit('error', err);
        }
        timeoutId = null;
      }
    }, options.timeout);
    child.once('exit', () => {
      if (timeoutId) {
        clearTimeout(timeoutId);
        timeoutId = null;
      }
    });
  }
  if (options.signal) {
    const signal = options.signal;
    const onAbort = () => abortChildProcess(child, killSignal, signal.reason);
    if (signal.aborted) process.nextTick(onAbort);
    else {
      signal.addEventListener('abort', onAbort, { once: true });
      child.once('exit', () => signal.removeEventListener('abort', onAbort));
    }
  }
  return child;
}

function abortChildProcess(child, killSignal, reason) {
  if (!child) return;
  try {
    if (child.kill(killSignal)) {
      const { AbortError } = require('internal/errors');
      child.emit('error', new AbortError(undefined, { cause: reason }));
    }
  } catch (err) {
    child.emit('error', err);
  }
}

function validateTimeout(timeout) {
  if (timeout != null && !(Number.isInteger(timeout) && timeout >= 0)) {
    throw new (codes().ERR_OUT_OF_RANGE)('timeout', 'an unsigned integer', timeout);
  }
}

function validateMaxBuffer(maxBuffer) {
  if (maxBuffer != null && !(typeof maxBuffer === 'number' && maxBuffer >= 0)) {
    throw new (codes().ERR_OUT_OF_RANGE)('options.maxBuffer', 'a positive number', maxBuffer);
  }
}

function sanitizeKillSignal(killSignal) {
  if (typeof killSignal === 'string' || typeof killSignal === 'number') return convertToValidSignal(killSignal);
  if (killSignal != null) throw new (codes().ERR_INVALID_ARG_TYPE)('options.killSignal', ['string', 'number'], killSignal);
  return processBinding.signals.SIGTERM;
}

// ---- exec / execFile --------------------------------------------------------------

function normalizeExecArgs(command, options, callback) {
  validateString(command, 'command');
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  options = { ...options };
  options.shell = typeof options.shell === 'string' ? options.shell : true;
  return { file: command, options, callback };
}

function exec(command, options, callback) {
  const opts = normalizeExecArgs(command, options, callback);
  return module.exports.execFile(opts.file, opts.options, opts.callback);
}

function execFile(file, args, options, callback) {
  if (args != null && typeof args === 'object' && !Array.isArray(args)) {
    callback = options;
    options = args;
    args = null;
  } else if (typeof args === 'function') {
    callback = args;
    options = null;
    args = null;
  }
  if (typeof options === 'function') {
    callback = options;
    options = null;
  } else if (options != null) {
    validateObject(options, 'options');
  }
  if (callback != null) validateFunction(callback, 'callback');
  options = { encoding: 'utf8', timeout: 0, maxBuffer: 1024 * 1024, killSignal: 'SIGTERM', cwd: null, env: null,
    shell: false, ...options };
  validateTimeout(options.timeout);
  validateMaxBuffer(options.maxBuffer);
  options.killSignal = sanitizeKillSignal(options.killSignal);
  const child = spawn(file, args, {
    cwd: options.cwd, env: options.env, gid: options.gid, shell: options.shell, signal: options.signal,
    uid: options.uid, windowsHide: !!options.windowsHide, windowsVerbatimArguments: !!options.windowsVerbatimArguments,
  });
  let encoding;
  const _stdout = [];
  const _stderr = [];
  if (options.encoding !== 'buffer' && require('internal/util').normalizeEncoding(options.encoding)) {
    encoding = options.encoding;
  } else {
    encoding = null;
  }
  let stdoutLen = 0;
  let stderrLen = 0;
  let killed = false;
  let exited = false;
  let timeoutId;
  let ex = null;
  let cmd = file;
  function exithandler(code, signal) {
    if (exited) return;
    exited = true;
    if (timeoutId) {
      clearTimeout(timeoutId);
      timeoutId = null;
    }
    if (!callback) return;
    // Text with an encoding, else the bytes as one Buffer.
    const stdout = encoding ? _stdout.join('') : Buffer.concat(_stdout);
    const stderr = encoding ? _stderr.join('') : Buffer.concat(_stderr);
    if (args?.length) cmd += ` ${args.join(' ')}`;
    if (!ex && code === 0 && signal === null) {
      callback(null, stdout, stderr);
      return;
    }
    if (!ex) {
      ex = new Error('Command failed: ' + cmd + '\n' + stderr);
      ex.code = code < 0 ? code : code;
      ex.killed = child.killed || killed;
      ex.signal = signal;
    }
    ex.cmd = cmd;
    callback(ex, stdout, stderr);
  }
  function errorhandler(e) {
    ex = e;
    if (child.stdout) child.stdout.destroy();
    if (child.stderr) child.stderr.destroy();
    exithandler();
  }
  function kill() {
    if (child.stdout) child.stdout.destroy();
    if (child.stderr) child.stderr.destroy();
    killed = true;
    try {
      child.kill(options.killSignal);
    } catch (e) {
      ex = e;
      exithandler();
    }
  }
  if (options.timeout > 0) {
    timeoutId = setTimeout(function delayedKill() {
      kill();
      timeoutId = null;
    }, options.timeout);
  }
  const collect = (stream, list, name) => {
    if (!stream) return;
    if (encoding) stream.setEncoding(encoding);
    stream.on('data', function onChildData(chunk) {
      const length = encoding ? Buffer.byteLength(chunk, encoding) : chunk.length;
      if (name === 'stdout') stdoutLen += length;
      else stderrLen += length;
      const total = name === 'stdout' ? stdoutLen : stderrLen;
      if (total > options.maxBuffer) {
        const truncatedLen = options.maxBuffer - (total - length);
        list.push(chunk.slice(0, truncatedLen));
        ex = new (codes().ERR_CHILD_PROCESS_STDIO_MAXBUFFER)(name);
        kill();
      } else {
        list.push(chunk);
      }
    });
  };
  collect(child.stdout, _stdout, 'stdout');
  collect(child.stderr, _stderr, 'stderr');
  child.addListener('close', exithandler);
  child.addListener('error', errorhandler);
  return child;
}

// ---- the Sync forms ------------------------------------------------------------------

function spawnSync(file, args, options) {
  options = { maxBuffer: 1024 * 1024, ...normalizeSpawnArguments(file, args, options) };
  validateTimeout(options.timeout);
  validateMaxBuffer(options.maxBuffer);
  options.killSignal = sanitizeKillSignal(options.killSignal);
  const stdio = getValidStdio(options.stdio === undefined ? 'pipe' : options.stdio);
  if (options.input != null) {
    if (typeof options.input !== 'string' && !ArrayBuffer.isView?.(options.input)) {
      throw new (codes().ERR_INVALID_ARG_TYPE)('options.stdio[0]', ['Buffer', 'TypedArray', 'DataView', 'string'], options.input);
    }
  }
  const result = binding.spawnSync({
    file: options.file, args: options.args, env: options.envPairs, cwd: options.cwd, detached: options.detached,
    uid: options.uid, gid: options.gid, stdio,
    input: options.input == null ? undefined
      : typeof options.input === 'string' ? options.input : viewToByteString(options.input),
    inputLatin1: options.input != null && typeof options.input !== 'string',
    timeout: options.timeout, killSignal: options.killSignal, maxBuffer: options.maxBuffer,
    encoding: options.encoding && options.encoding !== 'buffer' ? options.encoding : 'buffer',
  });
  if (result.error && result.output === undefined) {
    result.error = spawnError(result.error, options.file, options.args);
    result.output = null;
    result.stdout = result.stderr = null;
    result.status = null;
    result.signal = null;
    return result;
  }
  if (result.error) {
    const info = result.error;
    result.error = new Error(`spawnSync ${options.file} ${info.code}`);
    Object.assign(result.error, { errno: info.errno, code: info.code, syscall: `spawnSync ${options.file}`,
      path: options.file, spawnargs: options.args.slice(1) });
  }
  if (result.output && !(options.encoding && options.encoding !== 'buffer')) {
    result.output = result.output.map((bytes) => (typeof bytes === 'string' ? toBuffer(bytes) : bytes));
  }
  result.stdout = result.output && result.output[1];
  result.stderr = result.output && result.output[2];
  return result;
}

function checkExecSyncError(ret, args, cmd) {
  let err;
  if (ret.error) {
    err = ret.error;
    Object.assign(err, ret);
  } else if (ret.status !== 0) {
    let msg = 'Command failed: ';
    msg += cmd || args.join(' ');
    if (ret.stderr && ret.stderr.length > 0) msg += `\n${ret.stderr.toString()}`;
    err = new Error(msg);
    Object.assign(err, ret);
  }
  return err;
}

function execFileSync(file, args, options) {
  const opts = normalizeSpawnArguments(file, args, options);
  const inheritStderr = !opts.stdio;
  const ret = spawnSync(opts.file, opts.args.slice(1), opts);
  if (inheritStderr && ret.stderr) process.stderr.write(ret.stderr);
  const errArgs = [opts.argv0 || opts.file];
  errArgs.push(...opts.args.slice(1));
  const err = checkExecSyncError(ret, errArgs, undefined);
  if (err) throw err;
  return ret.stdout;
}

function execSync(command, options) {
  const opts = normalizeExecArgs(command, options, null);
  const inheritStderr = !opts.options.stdio;
  const ret = spawnSync(opts.file, opts.options);
  if (inheritStderr && ret.stderr) process.stderr.write(ret.stderr);
  const err = checkExecSyncError(ret, undefined, command);
  if (err) throw err;
  return ret.stdout;
}

function fork() {
  throw new Error('child_process.fork() needs an IPC channel, which Glass does not have yet');
}

for (const fn of [exec, execFile]) {
  Object.defineProperty(fn, Symbol.for('nodejs.util.promisify.custom'), {
    enumerable: false,
    value: (...args) => new Promise((resolve, reject) => {
      const child = fn(...args, (err, stdout, stderr) => {
        if (err) {
          err.stdout = stdout;
          err.stderr = stderr;
          reject(err);
        } else {
          resolve({ stdout, stderr });
        }
      });
      void child;
    }),
  });
}

void validateInteger;
void validateOneOf;

module.exports = {
  ChildProcess,
  exec,
  execFile,
  execFileSync,
  execSync,
  fork,
  spawn,
  spawnSync,
  _forkChild() {},
};
