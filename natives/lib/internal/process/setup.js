// The rest of `process`, in JS (natives/process.cpp makes the object with
// argv, env, pid, cwd, nextTick, hrtime, exit): it becomes an EventEmitter;
// version fields; env that stores strings; exitCode checked as Node checks
// it; emitWarning and the default 'warning' printer; stdio; the system
// calls of internal:process (chdir, umask, kill, uptime, cpuUsage, ...);
// and the first listener of a signal event makes the loop watch it.
'use strict';

const binding = require('internal:process');
const EventEmitter = require('events');
// internal/errors on first use (it is large; most programs never need it).
function codes() {
  return require('internal/errors').codes;
}
function systemError(description) {
  return require('internal/errors').systemError(description);
}
const { validateInteger, validateString, validateNumber, validateObject } = require('internal/validators');
const execution = require('internal/process/execution');

const kNodeVersion = '20.20.2';

function define(process, name, value, enumerable = true) {
  Object.defineProperty(process, name, { value, writable: true, configurable: true, enumerable });
}

function setupEvents(process) {
  function process_() {}
  Object.defineProperty(process_, 'name', { value: 'process' });
  const proto = Object.create(EventEmitter.prototype, {
    constructor: { value: process_, writable: true, configurable: true, enumerable: false },
  });
  Object.setPrototypeOf(process, proto);
  EventEmitter.call(process);
  // The first listener of a signal event makes the loop watch that signal.
  process.on('newListener', (event) => {
    if (typeof event === 'string' && event.startsWith('SIG') && binding.signals[event] !== undefined) {
      binding.watchSignal(event);
    }
  });
}

function setupVersions(process) {
  define(process, 'version', `v${kNodeVersion}`);
  define(process, 'versions', {
    node: kNodeVersion,
    glass: binding.glassVersion(),
    icu: binding.icuVersion(),
    unicode: binding.unicodeVersion(),
    modules: '115',
  });
  define(process, 'arch', binding.arch());
  define(process, 'release', { name: 'glass', lts: 'Iron' });
  define(process, 'features', {
    inspector: false, debug: false, uv: false, ipv6: true, tls_alpn: false, tls_sni: false, tls_ocsp: false,
    tls: false, cached_builtins: true, require_module: true,
  });
  define(process, 'config', { target_defaults: {}, variables: {} });
  define(process, 'title', 'glass');
  define(process, 'argv0', binding.argv0());
  define(process, 'execArgv', binding.execArgv());
  define(process, 'debugPort', 9229);
  define(process, '_exiting', false);
  define(process, 'allowedNodeEnvironmentFlags', new Set());
  define(process, 'noDeprecation', process.execArgv.includes('--no-deprecation'), false);
  define(process, 'throwDeprecation', process.execArgv.includes('--throw-deprecation'), false);
  define(process, 'traceDeprecation', process.execArgv.includes('--trace-deprecation'), false);
}

// process.env: every value stored is a string, and the C environment (what
// child processes inherit) follows every change.
function setupEnv(process) {
  const target = process.env;
  const env = new Proxy(target, {
    set(t, key, value) {
      if (typeof key === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
      const text = `${value}`;
      t[key] = text;
      binding.setenv(key, text);
      return true;
    },
    defineProperty(t, key, desc) {
      if ('get' in desc || 'set' in desc) {
        const err = new TypeError("'process.env' does not accept an accessor(getter/setter) descriptor");
        err.code = 'ERR_INVALID_OBJECT_DEFINE_PROPERTY';
        throw err;
      }
      if (!desc.configurable || !desc.writable || !desc.enumerable) {
        const err = new TypeError("'process.env' only accepts a configurable, writable, and enumerable data descriptor");
        err.code = 'ERR_INVALID_OBJECT_DEFINE_PROPERTY';
        throw err;
      }
      const text = `${desc.value}`;
      t[key] = text;
      binding.setenv(key, text);
      return true;
    },
    deleteProperty(t, key) {
      if (typeof key === 'string') binding.unsetenv(key);
      delete t[key];
      return true;
    },
  });
  define(process, 'env', env);
}

function setupExitCode(process) {
  let exitCode;
  Object.defineProperty(process, 'exitCode', {
    get() {
      return exitCode;
    },
    set(code) {
      if (code !== null && code !== undefined) {
        let value = code;
        if (typeof code === 'string' && code !== '' && Number.isInteger(+code)) value = +code;
        validateInteger(value, 'code');
      }
      exitCode = code;
    },
    enumerable: true,
    configurable: false,
  });
  define(process, 'exit', function exit(code) {
    if (code !== undefined) process.exitCode = code;
    const final = process.exitCode;
    binding.reallyExit(final === undefined || final === null ? 0 : Number(final));
  });
  define(process, 'reallyExit', function reallyExit(code) {
    binding.reallyExit(code | 0);
  });
  define(process, 'abort', function abort() {
    binding.abort();
  });
}

// ---- warnings ------------------------------------------------------------

let traceWarningHelperShown = false;

function createWarningObject(warning, type, code, ctor, detail) {
  const limit = Error.stackTraceLimit;
  const warningErr = new Error(warning);
  Error.stackTraceLimit = limit;
  warningErr.name = String(type || 'Warning');
  if (code !== undefined) warningErr.code = code;
  if (detail !== undefined) warningErr.detail = detail;
  Error.captureStackTrace(warningErr, ctor || process.emitWarning);
  return warningErr;
}

function emitWarning(warning, type, code, ctor) {
  let detail;
  if (type !== null && typeof type === 'object' && !Array.isArray(type)) {
    ctor = type.ctor;
    code = type.code;
    if (typeof type.detail === 'string') detail = type.detail;
    type = type.type || 'Warning';
  } else if (typeof type === 'function') {
    ctor = type;
    code = undefined;
    type = 'Warning';
  }
  if (type !== undefined) validateString(type, 'type');
  if (typeof code === 'function') {
    ctor = code;
    code = undefined;
  } else if (code !== undefined) {
    validateString(code, 'code');
  }
  if (typeof warning === 'string') {
    warning = createWarningObject(warning, type, code, ctor, detail);
  } else if (!(warning instanceof Error)) {
    throw new (codes().ERR_INVALID_ARG_TYPE)('warning', ['Error', 'string'], warning);
  }
  if (warning.name === 'DeprecationWarning') {
    if (process.noDeprecation) return;
    if (process.throwDeprecation) throw warning;
  }
  process.nextTick(() => process.emit('warning', warning));
}

// The default 'warning' listener: "(glass:PID) Name: message" on stderr.
function onWarning(warning) {
  if (!(warning instanceof Error)) return;
  if (process.execArgv.includes('--no-warnings')) return;
  const isDeprecation = warning.name === 'DeprecationWarning';
  if (isDeprecation && process.noDeprecation) return;
  const trace = process.execArgv.includes('--trace-warnings') || (isDeprecation && process.traceDeprecation);
  let msg = `(${process.release.name}:${process.pid}) `;
  if (warning.code) msg += `[${warning.code}] `;
  if (trace && warning.stack) msg += `${warning.stack}`;
  else msg += typeof warning.toString === 'function' ? `${warning.toString()}` : Error.prototype.toString.call(warning);
  if (typeof warning.detail === 'string') msg += `\n${warning.detail}`;
  if (!trace && !traceWarningHelperShown) {
    const flag = isDeprecation ? '--trace-deprecation' : '--trace-warnings';
    const argv0 = String(process.argv0 || 'glass');
    msg += `\n(Use \`${argv0.slice(argv0.lastIndexOf('/') + 1)} ${flag} ...\` to show where the warning was created)`;
    traceWarningHelperShown = true;
  }
  binding.writeString(2, `${msg}\n`);
}

// ---- stdio ---------------------------------------------------------------
// process.stdout / stderr / stdin are made on first use (lib/internal/process/stdio.js).

function setupStdio(process) {
  const made = {};
  for (const [name, fd] of [['stdout', 1], ['stderr', 2], ['stdin', 0]]) {
    Object.defineProperty(process, name, {
      get() {
        if (made[name] === undefined) made[name] = require('internal/process/stdio').createStream(fd);
        return made[name];
      },
      set(value) {
        made[name] = value;
      },
      configurable: true,
      enumerable: false,
    });
  }
  // The console writes straight to the descriptor until the stream exists (lib/console.js).
  Object.defineProperty(process, '_stdoutIfMade', { get: () => made.stdout, configurable: true, enumerable: false });
  Object.defineProperty(process, '_stderrIfMade', { get: () => made.stderr, configurable: true, enumerable: false });
  define(process, 'openStdin', function openStdin() {
    process.stdin.resume();
    return process.stdin;
  });
}

// ---- system calls ----------------------------------------------------------

function setupSystem(process) {
  define(process, 'chdir', function chdir(directory) {
    validateString(directory, 'directory');
    const from = process.cwd();
    const failure = binding.chdir(directory);
    if (failure !== undefined) {
      throw systemError({ ...failure, path: from, dest: directory });
    }
  });
  define(process, 'umask', function umask(mask) {
    if (mask === undefined) return binding.umask();
    if (typeof mask === 'string') {
      if (!/^[0-7]+$/.test(mask)) {
        throw new (codes().ERR_INVALID_ARG_VALUE)('mask', mask, 'must be a 32-bit unsigned integer or an octal string');
      }
      mask = Number.parseInt(mask, 8);
    } else {
      validateInteger(mask, 'mask', 0, 4294967295);
    }
    return binding.umask(mask);
  });
  define(process, 'uptime', function uptime() {
    return binding.uptime();
  });
  define(process, 'cpuUsage', function cpuUsage(prevValue) {
    const [user, system] = binding.cpuUsage();
    if (prevValue) {
      validateObject(prevValue, 'prevValue');
      validateNumber(prevValue.user, 'prevValue.user');
      validateNumber(prevValue.system, 'prevValue.system');
      return { user: user - prevValue.user, system: system - prevValue.system };
    }
    return { user, system };
  });
  define(process, 'resourceUsage', function resourceUsage() {
    const f = binding.resourceUsage();
    return {
      userCPUTime: f[0], systemCPUTime: f[1], maxRSS: f[2], sharedMemorySize: f[3], unsharedDataSize: f[4],
      unsharedStackSize: f[5], minorPageFault: f[6], majorPageFault: f[7], swappedOut: f[8],
      fsRead: f[9], fsWrite: f[10], ipcSent: f[11], ipcReceived: f[12], signalsCount: f[13],
      voluntaryContextSwitches: f[14], involuntaryContextSwitches: f[15],
    };
  });
  function memoryUsage() {
    const [heapTotal, heapUsed] = binding.heapStats();
    return { rss: binding.rss(), heapTotal, heapUsed, external: 0, arrayBuffers: 0 };
  }
  memoryUsage.rss = function rss() {
    return binding.rss();
  };
  define(process, 'memoryUsage', memoryUsage);
  define(process, 'constrainedMemory', function constrainedMemory() {
    return undefined;
  });
  define(process, 'availableMemory', function availableMemory() {
    return require('os').freemem();
  });
  const [uid, euid, gid, egid] = binding.ids();
  define(process, 'getuid', () => uid);
  define(process, 'geteuid', () => euid);
  define(process, 'getgid', () => gid);
  define(process, 'getegid', () => egid);
  define(process, 'getgroups', () => binding.getgroups());
  define(process, 'kill', function kill(pid, sig = 'SIGTERM') {
    if (pid != (pid | 0)) throw new (codes().ERR_INVALID_ARG_TYPE)('pid', 'number', pid);
    let signal;
    if (typeof sig === 'number') {
      signal = sig;
    } else if (typeof sig === 'string') {
      signal = binding.signals[sig];
      if (signal === undefined) throw new (codes().ERR_UNKNOWN_SIGNAL)(sig);
    } else {
      throw new (codes().ERR_UNKNOWN_SIGNAL)(sig);
    }
    const failure = binding.kill(pid, signal);
    if (failure !== undefined) {
      const err = systemError({ ...failure, syscall: 'kill' });
      err.message = `kill ${failure.code}`;
      err.stack = `Error: kill ${failure.code}` + err.stack.slice(err.stack.indexOf('\n'));
      throw err;
    }
    return true;
  });
  define(process, 'emitWarning', emitWarning);
  define(process, 'setUncaughtExceptionCaptureCallback', execution.setUncaughtExceptionCaptureCallback);
  define(process, 'hasUncaughtExceptionCaptureCallback', execution.hasUncaughtExceptionCaptureCallback);
  define(process, 'getActiveResourcesInfo', function getActiveResourcesInfo() {
    return [];
  });
  define(process, 'binding', function binding_(name) {
    throw new Error(`No such module: ${name}`);
  }, false);
  define(process, 'getBuiltinModule', function getBuiltinModule(id) {
    validateString(id, 'id');
    const name = id.startsWith('node:') ? id.slice(5) : id;
    if (!require('internal:modules').isBuiltin(name)) return undefined;
    return require(name);
  });
  define(process, 'report', { getReport: () => ({ header: { glibcVersionRuntime: binding.glibcVersion() } }) }, false);
}

function setupProcess(process) {
  setupEvents(process);
  setupVersions(process);
  setupEnv(process);
  setupExitCode(process);
  setupStdio(process);
  setupSystem(process);
  process.on('warning', onWarning);
}

module.exports = { setupProcess, emitWarning };
