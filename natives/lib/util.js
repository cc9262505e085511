// node:util — inspect and format (lib/internal/util/inspect.js), types,
// promisify/callbackify, inherits, deprecate, debuglog, isDeepStrictEqual,
// parseArgs, styleText, TextEncoder/TextDecoder, and the old is* helpers.
'use strict';

const inspectModule = require('internal/util/inspect');
const { validateFunction, validateString, validateObject } = require('internal/validators');

function codes() {
  return require('internal/errors').codes;
}

const kCustomPromisifiedSymbol = Symbol.for('nodejs.util.promisify.custom');
const kCustomPromisifyArgsSymbol = Symbol('customPromisifyArgs');

// util.promisify(fn): a function returning a promise for fn's (err, value) callback.
function promisify(original) {
  validateFunction(original, 'original');
  if (original[kCustomPromisifiedSymbol]) {
    const fn = original[kCustomPromisifiedSymbol];
    validateFunction(fn, 'util.promisify.custom');
    return Object.defineProperty(fn, kCustomPromisifiedSymbol, {
      value: fn, enumerable: false, writable: false, configurable: true,
    });
  }
  const argumentNames = original[kCustomPromisifyArgsSymbol];
  function fn(...args) {
    return new Promise((resolve, reject) => {
      Reflect.apply(original, this, [...args, (err, ...values) => {
        if (err) return reject(err);
        if (argumentNames !== undefined && values.length > 1) {
          const obj = {};
          for (let i = 0; i < argumentNames.length; i++) obj[argumentNames[i]] = values[i];
          resolve(obj);
        } else {
          resolve(values[0]);
        }
      }]);
    });
  }
  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  Object.defineProperty(fn, kCustomPromisifiedSymbol, {
    value: fn, enumerable: false, writable: false, configurable: true,
  });
  const descriptors = Object.getOwnPropertyDescriptors(original);
  for (const key of Reflect.ownKeys(descriptors)) {
    if (key === 'length' || key === 'name' || key === 'prototype') continue;
    Object.defineProperty(fn, key, descriptors[key]);
  }
  Object.defineProperty(fn, 'name', { value: original.name, configurable: true });
  Object.defineProperty(fn, 'length', { value: Math.max(0, original.length - 1), configurable: true });
  return fn;
}
promisify.custom = kCustomPromisifiedSymbol;

// util.callbackify(fn): a promise-returning function as one taking a callback.
function callbackify(original) {
  validateFunction(original, 'original');
  function callbackified(...args) {
    const maybeCb = args.pop();
    validateFunction(maybeCb, 'last argument');
    const cb = maybeCb.bind(this);
    Reflect.apply(original, this, args).then(
      (ret) => process.nextTick(cb, null, ret),
      (rej) => process.nextTick(callbackifyOnRejected, rej, cb));
  }
  const descriptors = Object.getOwnPropertyDescriptors(original);
  if (typeof descriptors.length.value === 'number') descriptors.length.value++;
  if (typeof descriptors.name.value === 'string') descriptors.name.value += 'Callbackified';
  const propertiesValues = Object.values(descriptors);
  for (let i = 0; i < propertiesValues.length; i++) Object.setPrototypeOf(propertiesValues[i], null);
  Object.defineProperties(callbackified, descriptors);
  return callbackified;
}

function callbackifyOnRejected(reason, cb) {
  if (!reason) {
    const newReason = new (codes().ERR_FALSY_VALUE_REJECTION)(reason);
    newReason.reason = reason;
    reason = newReason;
  }
  return cb(reason);
}

function inherits(ctor, superCtor) {
  if (ctor === undefined || ctor === null) throw new (codes().ERR_INVALID_ARG_TYPE)('ctor', 'Function', ctor);
  if (superCtor === undefined || superCtor === null) {
    throw new (codes().ERR_INVALID_ARG_TYPE)('superCtor', 'Function', superCtor);
  }
  if (superCtor.prototype === undefined) {
    throw new (codes().ERR_INVALID_ARG_TYPE)('superCtor.prototype', 'Object', superCtor.prototype);
  }
  Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

const codesWarned = new Set();

// util.deprecate(fn, msg[, code]): fn, warning once (DeprecationWarning) on first call.
function deprecate(fn, msg, code) {
  validateFunction(fn, 'fn');
  if (process.noDeprecation === true) return fn;
  if (code !== undefined) validateString(code, 'code');
  let warned = false;
  function deprecated(...args) {
    if (!warned && !process.noDeprecation) {
      warned = true;
      if (code !== undefined) {
        if (!codesWarned.has(code)) {
          process.emitWarning(msg, 'DeprecationWarning', code, deprecated);
          codesWarned.add(code);
        }
      } else {
        process.emitWarning(msg, 'DeprecationWarning', deprecated);
      }
    }
    if (new.target) return Reflect.construct(fn, args, new.target);
    return Reflect.apply(fn, this, args);
  }
  Object.setPrototypeOf(deprecated, fn);
  if (fn.prototype) deprecated.prototype = fn.prototype;
  return deprecated;
}

// util.debuglog(section): logs to stderr when NODE_DEBUG names the section.
const debugSections = new Map();
function debuglog(set, cb) {
  set = set.toUpperCase();
  let enabled;
  let logger;
  function test() {
    if (enabled === undefined) {
      const env = process.env.NODE_DEBUG || '';
      const patterns = env.split(/[\s,]+/).filter(Boolean)
        .map((p) => new RegExp(`^${p.replace(/[|\\{}()[\]^$+?.]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i'));
      enabled = patterns.some((re) => re.test(set));
    }
    return enabled;
  }
  function debug(...args) {
    if (!test()) return;
    if (logger === undefined) {
      const pid = process.pid;
      logger = (...a) => {
        process.stderr.write(`${set} ${pid}: ${inspectModule.formatWithOptions({ colors: false }, ...a)}\n`);
      };
      if (typeof cb === 'function') cb(logger);
    }
    logger(...args);
  }
  Object.defineProperty(debug, 'enabled', { get: test, configurable: true, enumerable: true });
  debugSections.set(set, debug);
  return debug;
}

function isDeepStrictEqual(a, b) {
  return require('internal/util/comparisons').isDeepStrictEqual(a, b);
}

function getSystemErrorName(err) {
  if (typeof err !== 'number') throw new (codes().ERR_INVALID_ARG_TYPE)('err', 'number', err);
  if (err >= 0 || !Number.isSafeInteger(err)) {
    throw new (codes().ERR_OUT_OF_RANGE)('err', 'a negative integer', err);
  }
  const entry = getSystemErrorMap().get(err);
  return entry ? entry[0] : `Unknown system error ${err}`;
}

function getSystemErrorMap() {
  return require('internal:process').errnoMap();
}

function toUSVString(input) {
  return `${input}`.toWellFormed();
}

// util.styleText(format, text[, { validateStream, stream }]): text in ANSI
// styles (one name or a list). As in Node 20, a single name is left out
// when the stream would not show colors; a list is always applied.
function styleText(format, text, { validateStream = true, stream = process.stdout } = {}) {
  validateString(text, 'text');
  require('internal/validators').validateBoolean(validateStream, 'options.validateStream');
  let skip = false;
  if (validateStream) {
    if (stream === null || typeof stream !== 'object' || typeof stream.on !== 'function') {
      throw new (codes().ERR_INVALID_ARG_TYPE)('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
    }
    skip = !Array.isArray(format) && !streamShowsColors(stream);
  }
  const formats = Array.isArray(format) ? format : [format];
  let left = '';
  let right = '';
  for (const key of formats) {
    const style = inspectModule.inspect.colors[key];
    if (style === undefined) {
      const names = Object.keys(inspectModule.inspect.colors);
      throw new (codes().ERR_INVALID_ARG_VALUE)('format', key, `must be one of: ${names.map((n) => `'${n}'`).join(', ')}`);
    }
    if (skip) continue;
    left += `\u001b[${style[0]}m`;
    right = `\u001b[${style[1]}m${right}`;
  }
  return `${left}${text}${right}`;
}

function streamShowsColors(stream) {
  if (process.env.FORCE_COLOR !== undefined) return process.env.FORCE_COLOR !== '0' && process.env.FORCE_COLOR !== 'false';
  if (!stream.isTTY) return false;
  return typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true;
}

function aborted(signal, resource) {
  if (signal === undefined) throw new (codes().ERR_INVALID_ARG_TYPE)('signal', 'AbortSignal', signal);
  if (resource === null || (typeof resource !== 'object' && typeof resource !== 'function')) {
    throw new (codes().ERR_INVALID_ARG_TYPE)('resource', 'object', resource);
  }
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

const util = {
  format: inspectModule.format,
  formatWithOptions: inspectModule.formatWithOptions,
  inspect: inspectModule.inspect,
  stripVTControlCharacters: inspectModule.stripVTControlCharacters,
  promisify,
  callbackify,
  inherits,
  deprecate,
  debuglog,
  debug: debuglog,
  isDeepStrictEqual,
  getSystemErrorName,
  getSystemErrorMap,
  toUSVString,
  styleText,
  aborted,
  // The old type checks (deprecated in Node, still used).
  isArray: Array.isArray,
  isBoolean: (arg) => typeof arg === 'boolean',
  isBuffer: (arg) => typeof Buffer === 'function' && Buffer.isBuffer(arg),
  isFunction: (arg) => typeof arg === 'function',
  isNull: (arg) => arg === null,
  isNullOrUndefined: (arg) => arg === null || arg === undefined,
  isNumber: (arg) => typeof arg === 'number',
  isObject: (arg) => arg !== null && typeof arg === 'object',
  isPrimitive: (arg) => arg === null || (typeof arg !== 'object' && typeof arg !== 'function'),
  isString: (arg) => typeof arg === 'string',
  isSymbol: (arg) => typeof arg === 'symbol',
  isUndefined: (arg) => arg === undefined,
  isRegExp: (arg) => require('internal/util/types').isRegExp(arg),
  isDate: (arg) => require('internal/util/types').isDate(arg),
  isError: (arg) => require('internal/util/types').isNativeError(arg) || arg instanceof Error,
  log(...args) {
    const d = new Date();
    const pad = (n) => String(n).padStart(2, '0');
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const time = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
    console.log('%s - %s', `${d.getDate()} ${months[d.getMonth()]} ${time}`, util.format(...args));
  },
  _extend(target, source) {
    if (source === null || typeof source !== 'object') return target;
    const keys = Object.keys(source);
    let i = keys.length;
    while (i--) target[keys[i]] = source[keys[i]];
    return target;
  },
};

// Loaded on first use.
for (const [name, load] of [
  ['types', () => require('internal/util/types')],
  ['parseArgs', () => require('internal/util/parse_args').parseArgs],
  ['TextEncoder', () => require('internal/encoding').TextEncoder],
  ['TextDecoder', () => require('internal/encoding').TextDecoder],
  ['MIMEType', () => require('internal/mime').MIMEType],
  ['MIMEParams', () => require('internal/mime').MIMEParams],
]) {
  Object.defineProperty(util, name, {
    get() {
      const value = load();
      Object.defineProperty(util, name, { value, writable: true, configurable: true, enumerable: true });
      return value;
    },
    set(value) {
      Object.defineProperty(util, name, { value, writable: true, configurable: true, enumerable: true });
    },
    enumerable: true,
    configurable: true,
  });
}

void validateObject;
module.exports = util;
