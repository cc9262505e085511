// buffer: Node's Buffer, a Uint8Array subclass (FastBuffer below; the
// `Buffer` function is what scripts call, its prototype FastBuffer's), with
// Node 20's statics, encodings, comparisons, searches and error messages.
// The encodings are in internal/buffer/encodings.js, the number readers and
// writers in internal/buffer/read_write.js.
'use strict';

const binding = require('internal:buffer');
const { normalizeEncoding } = require('internal/util');
const { validateNumber, validateString, validateArray } = require('internal/validators');
const { encodingOps } = require('internal/buffer/encodings');
const { addReadWriteMethods } = require('internal/buffer/read_write');
const { atob, btoa } = require('internal/base64');

function codes() {
  return require('internal/errors').codes;
}

const kMaxLength = 2 ** 32;
const kStringMaxLength = 2 ** 30 - 25;
const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');

const typedArrayTag = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get;
function isUint8Array(value) {
  return typedArrayTag.call(value) === 'Uint8Array';
}
function isAnyArrayBuffer(value) {
  if (value === null || typeof value !== 'object') return false;
  const tag = Object.prototype.toString.call(value);
  return tag === '[object ArrayBuffer]' || tag === '[object SharedArrayBuffer]';
}

// The Buffer class proper: scripts never see its name (its prototype's constructor is Buffer).
class FastBuffer extends Uint8Array {
  // eslint-disable-next-line no-useless-constructor
  constructor(bufferOrLength, byteOffset, length) {
    super(bufferOrLength, byteOffset, length);
  }
}

const bufferWarning = 'Buffer() is deprecated due to security and usability issues. Please use the ' +
  'Buffer.alloc(), Buffer.allocUnsafe(), or Buffer.from() methods instead.';
let bufferWarned = false;

// Node warns once about Buffer(), unless it was called from code under node_modules.
function warnBufferConstructor() {
  if (bufferWarned) return;
  const frames = (new Error().stack || '').split('\n').slice(3);
  const caller = frames.find((line) => !line.includes('node:'));
  if (caller !== undefined && /[\\/]node_modules[\\/]/.test(caller)) return;
  bufferWarned = true;
  process.emitWarning(bufferWarning, 'DeprecationWarning', 'DEP0005');
}

// Buffer(arg, encodingOrOffset, length): the deprecated constructor form.
function Buffer(arg, encodingOrOffset, length) {
  warnBufferConstructor();
  if (typeof arg === 'number') {
    if (typeof encodingOrOffset === 'string') throw new (codes().ERR_INVALID_ARG_TYPE)('string', 'string', arg);
    return Buffer.alloc(arg);
  }
  return Buffer.from(arg, encodingOrOffset, length);
}
Object.defineProperty(Buffer, Symbol.species, { get() { return FastBuffer; }, configurable: true });
FastBuffer.prototype.constructor = Buffer;
Buffer.prototype = FastBuffer.prototype;
Object.setPrototypeOf(Buffer, Uint8Array);

// ---- the allocation pool (Node's: small allocUnsafe buffers share one ArrayBuffer) ----

Buffer.poolSize = 8 * 1024;
let poolSize, poolOffset, allocPool;

function createPool() {
  poolSize = Buffer.poolSize;
  allocPool = new ArrayBuffer(poolSize);
  poolOffset = 0;
}
createPool();

function alignPool() {
  if (poolOffset & 0x7) poolOffset = (poolOffset | 0x7) + 1;
}

function allocate(size) {
  if (size <= 0) return new FastBuffer();
  if (size < (Buffer.poolSize >>> 1)) {
    if (size > (poolSize - poolOffset)) createPool();
    const b = new FastBuffer(allocPool, poolOffset, size);
    poolOffset += size;
    alignPool();
    return b;
  }
  return new FastBuffer(size);
}

// ---- Buffer.from and the allocators ----

function fromString(string, encoding) {
  let ops;
  if (typeof encoding !== 'string' || encoding.length === 0) {
    if (string.length === 0) return new FastBuffer();
    ops = encodingOps.utf8;
  } else {
    const name = normalizeEncoding(encoding);
    if (name === undefined) throw new (codes().ERR_UNKNOWN_ENCODING)(encoding);
    ops = encodingOps[name];
    if (string.length === 0) return new FastBuffer();
  }
  const bytes = ops.toBytes(string);
  const buf = allocate(bytes.length);
  if (bytes.length > 0) binding.latin1Write(buf, bytes, 0, bytes.length);
  return buf;
}

function fromArrayBuffer(obj, byteOffset, length) {
  if (byteOffset === undefined) {
    byteOffset = 0;
  } else {
    byteOffset = +byteOffset;
    if (Number.isNaN(byteOffset)) byteOffset = 0;
  }
  const maxLength = obj.byteLength - byteOffset;
  if (maxLength < 0) throw new (codes().ERR_BUFFER_OUT_OF_BOUNDS)('offset');
  if (length === undefined) {
    length = maxLength;
  } else {
    length = +length;
    if (length > 0) {
      if (length > maxLength) throw new (codes().ERR_BUFFER_OUT_OF_BOUNDS)('length');
    } else {
      length = 0;
    }
  }
  return new FastBuffer(obj, byteOffset, length);
}

function fromArrayLike(obj) {
  if (obj.length <= 0) return new FastBuffer();
  const b = allocate(obj.length);
  Uint8Array.prototype.set.call(b, obj, 0);
  return b;
}

function fromObject(obj) {
  if (obj.length !== undefined || isAnyArrayBuffer(obj.buffer)) {
    if (typeof obj.length !== 'number') return new FastBuffer();
    return fromArrayLike(obj);
  }
  if (obj.type === 'Buffer' && Array.isArray(obj.data)) return fromArrayLike(obj.data);
  return undefined;
}

// Buffer.from(value[, encodingOrOffset[, length]])
Buffer.from = function from(value, encodingOrOffset, length) {
  if (typeof value === 'string') return fromString(value, encodingOrOffset);
  if (typeof value === 'object' && value !== null) {
    if (isAnyArrayBuffer(value)) return fromArrayBuffer(value, encodingOrOffset, length);
    const valueOf = value.valueOf && value.valueOf();
    if (valueOf != null && valueOf !== value && (typeof valueOf === 'string' || typeof valueOf === 'object')) {
      return from(valueOf, encodingOrOffset, length);
    }
    const b = fromObject(value);
    if (b) return b;
    if (typeof value[Symbol.toPrimitive] === 'function') {
      const primitive = value[Symbol.toPrimitive]('string');
      if (typeof primitive === 'string') return fromString(primitive, encodingOrOffset);
    }
  }
  throw new (codes().ERR_INVALID_ARG_TYPE)('first argument',
    ['string', 'Buffer', 'ArrayBuffer', 'Array', 'Array-like Object'], value);
};

// Buffer.copyBytesFrom(view[, offset[, length]]): a copy of part of any typed array.
Buffer.copyBytesFrom = function copyBytesFrom(view, offset, length) {
  if (!ArrayBuffer.isView(view) || Object.prototype.toString.call(view) === '[object DataView]') {
    throw new (codes().ERR_INVALID_ARG_TYPE)('view', ['TypedArray'], view);
  }
  const viewLength = view.length;
  if (viewLength === 0) return Buffer.alloc(0);
  if (offset !== undefined || length !== undefined) {
    if (offset !== undefined) {
      validateInteger(offset, 'offset', 0);
      if (offset >= viewLength) return Buffer.alloc(0);
    } else {
      offset = 0;
    }
    let end;
    if (length !== undefined) {
      validateInteger(length, 'length', 0);
      end = offset + length;
    } else {
      end = viewLength;
    }
    view = view.subarray(offset, end);
  }
  return fromArrayLike(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
};

Buffer.of = function of(...items) {
  const b = new FastBuffer(items.length);
  for (let k = 0; k < items.length; k++) b[k] = items[k];
  return b;
};

function validateSize(size) {
  validateNumber(size, 'size', 0, kMaxLength);
}

// Buffer.alloc(size[, fill[, encoding]])
Buffer.alloc = function alloc(size, fill, encoding) {
  validateSize(size);
  if (fill !== undefined && fill !== 0 && size > 0) return fillImpl(new FastBuffer(size), fill, 0, size, encoding);
  return new FastBuffer(size);
};

Buffer.allocUnsafe = function allocUnsafe(size) {
  validateSize(size);
  return allocate(size);
};

Buffer.allocUnsafeSlow = function allocUnsafeSlow(size) {
  validateSize(size);
  return new FastBuffer(size);
};

// SlowBuffer(size): the old name of allocUnsafeSlow.
function SlowBuffer(size) {
  validateSize(size);
  return new FastBuffer(size);
}
Object.setPrototypeOf(SlowBuffer.prototype, Uint8Array.prototype);
Object.setPrototypeOf(SlowBuffer, Uint8Array);

Buffer.isBuffer = function isBuffer(b) {
  return b instanceof Buffer;
};

Buffer.isEncoding = function isEncoding(encoding) {
  return typeof encoding === 'string' && encoding.length !== 0 && normalizeEncoding(encoding) !== undefined;
};
Buffer[Symbol.for('kIsEncodingSymbol')] = Buffer.isEncoding;

// Byte-wise comparison of two views' ranges: -1, 0 or 1 (memcmp in the binding).
function compareRanges(a, aStart, aEnd, b, bStart, bEnd) {
  return binding.compare(a, aStart, aEnd, b, bStart, bEnd);
}

Buffer.compare = function compare(buf1, buf2) {
  if (!isUint8Array(buf1)) throw new (codes().ERR_INVALID_ARG_TYPE)('buf1', ['Buffer', 'Uint8Array'], buf1);
  if (!isUint8Array(buf2)) throw new (codes().ERR_INVALID_ARG_TYPE)('buf2', ['Buffer', 'Uint8Array'], buf2);
  if (buf1 === buf2) return 0;
  return compareRanges(buf1, 0, buf1.length, buf2, 0, buf2.length);
};

Buffer.byteLength = function byteLength(string, encoding) {
  if (typeof string !== 'string') {
    if (ArrayBuffer.isView(string) || isAnyArrayBuffer(string)) return string.byteLength;
    throw new (codes().ERR_INVALID_ARG_TYPE)('string', ['string', 'Buffer', 'ArrayBuffer'], string);
  }
  if (string.length === 0) return 0;
  const name = encoding ? normalizeEncoding(encoding) : 'utf8';
  return encodingOps[name === undefined ? 'utf8' : name].byteLength(string);
};

// An offset or length argument: an integer in [min, max].
function validateOffset(value, name, min = 0, max = kMaxLength) {
  if (typeof value !== 'number') throw new (codes().ERR_INVALID_ARG_TYPE)(name, 'number', value);
  if (!Number.isInteger(value)) throw new (codes().ERR_OUT_OF_RANGE)(name, 'an integer', value);
  if (value < min || value > max) throw new (codes().ERR_OUT_OF_RANGE)(name, `>= ${min} && <= ${max}`, value);
}
const validateInteger = (value, name, min) => validateOffset(value, name, min, Number.MAX_SAFE_INTEGER);

// Copies source[sourceStart, sourceEnd) into target at targetStart, as much as fits.
function copyActual(source, target, targetStart, sourceStart, sourceEnd) {
  if (sourceEnd - sourceStart > target.length - targetStart) sourceEnd = sourceStart + target.length - targetStart;
  let nb = sourceEnd - sourceStart;
  const sourceLen = source.length - sourceStart;
  if (nb > sourceLen) nb = sourceLen;
  if (nb <= 0) return 0;
  if (sourceStart !== 0 || sourceEnd < source.length) {
    source = new Uint8Array(source.buffer, source.byteOffset + sourceStart, nb);
  }
  Uint8Array.prototype.set.call(target, source, targetStart);
  return nb;
}

Buffer.concat = function concat(list, length) {
  validateArray(list, 'list');
  if (list.length === 0) return new FastBuffer();
  if (length === undefined) {
    length = 0;
    for (let i = 0; i < list.length; i++) {
      if (list[i].length) length += list[i].length;
    }
  } else {
    validateOffset(length, 'length');
  }
  const buffer = Buffer.allocUnsafe(length);
  let pos = 0;
  for (let i = 0; i < list.length; i++) {
    const buf = list[i];
    if (!isUint8Array(buf)) {
      throw new (codes().ERR_INVALID_ARG_TYPE)(`list[${i}]`, ['Buffer', 'Uint8Array'], list[i]);
    }
    pos += copyActual(buf, buffer, pos, 0, buf.length);
  }
  if (pos < length) buffer.fill(0, pos, length);
  return buffer;
};

// ---- Buffer.prototype ----

const proto = Buffer.prototype;

function getEncodingOps(encoding) {
  const name = normalizeEncoding(encoding);
  return name === undefined ? undefined : encodingOps[name];
}

// buf.toString([encoding[, start[, end]]])
proto.toString = function toString(encoding, start, end) {
  if (arguments.length === 0) return binding.utf8Slice(this, 0, this.length);
  const len = this.length;
  if (start <= 0) start = 0;
  else if (start >= len) return '';
  else start = Math.trunc(start) || 0;
  if (end === undefined || end > len) end = len;
  else end = Math.trunc(end) || 0;
  if (end <= start) return '';
  if (encoding === undefined) return binding.utf8Slice(this, start, end);
  const ops = getEncodingOps(encoding);
  if (ops === undefined) throw new (codes().ERR_UNKNOWN_ENCODING)(encoding);
  return ops.slice(this, start, end);
};
proto.toLocaleString = proto.toString;

// Node's own wording for a non-string given to write (thrown by its C++ side).
function argumentMustBeString() {
  const error = new TypeError('argument must be a string');
  error.code = 'ERR_INVALID_ARG_TYPE';
  Object.defineProperty(error, 'stack', {
    value: error.stack.replace(/^TypeError/, 'TypeError [ERR_INVALID_ARG_TYPE]'), writable: true, configurable: true,
  });
  return error;
}

// buf.write(string[, offset[, length]][, encoding])
proto.write = function write(string, offset, length, encoding) {
  if (typeof string !== 'string') throw argumentMustBeString();
  if (offset === undefined) return encodingOps.utf8.write(this, string, 0, this.length);
  if (length === undefined && typeof offset === 'string') {
    encoding = offset;
    length = this.length;
    offset = 0;
  } else {
    validateOffset(offset, 'offset', 0, this.length);
    const remaining = this.length - offset;
    if (length === undefined) {
      length = remaining;
    } else if (typeof length === 'string') {
      encoding = length;
      length = remaining;
    } else {
      validateOffset(length, 'length', 0, this.length);
      if (length > remaining) length = remaining;
    }
  }
  if (!encoding) return encodingOps.utf8.write(this, string, offset, length);
  const ops = getEncodingOps(encoding);
  if (ops === undefined) throw new (codes().ERR_UNKNOWN_ENCODING)(encoding);
  return ops.write(this, string, offset, length);
};

// Node's per-encoding methods (buf.hexSlice, buf.utf8Write, ...), which some packages call.
for (const [name, method] of [['utf8', 'utf8'], ['ucs2', 'utf16le'], ['utf16le', 'utf16le'], ['latin1', 'latin1'],
  ['ascii', 'ascii'], ['base64', 'base64'], ['base64url', 'base64url'], ['hex', 'hex']]) {
  const ops = encodingOps[method];
  proto[`${name}Slice`] = function(start = 0, end = this.length) { return ops.slice(this, start, end); };
  proto[`${name}Write`] = function(string, offset = 0, length = this.length - offset) {
    if (offset > this.length) throw new (codes().ERR_BUFFER_OUT_OF_BOUNDS)('offset');
    return ops.write(this, string, offset, length);
  };
}

proto.toJSON = function toJSON() {
  const data = new Array(this.length);
  for (let i = 0; i < this.length; ++i) data[i] = this[i];
  return { type: 'Buffer', data };
};

proto.equals = function equals(otherBuffer) {
  if (!isUint8Array(otherBuffer)) {
    throw new (codes().ERR_INVALID_ARG_TYPE)('otherBuffer', ['Buffer', 'Uint8Array'], otherBuffer);
  }
  if (this === otherBuffer) return true;
  if (this.byteLength !== otherBuffer.byteLength) return false;
  return this.byteLength === 0 || compareRanges(this, 0, this.length, otherBuffer, 0, otherBuffer.length) === 0;
};

// buf.compare(target[, targetStart[, targetEnd[, sourceStart[, sourceEnd]]]])
proto.compare = function compare(target, targetStart, targetEnd, sourceStart, sourceEnd) {
  if (!isUint8Array(target)) throw new (codes().ERR_INVALID_ARG_TYPE)('target', ['Buffer', 'Uint8Array'], target);
  if (arguments.length === 1) return compareRanges(this, 0, this.length, target, 0, target.length);
  if (targetStart === undefined) targetStart = 0;
  else validateOffset(targetStart, 'targetStart');
  if (targetEnd === undefined) targetEnd = target.length;
  else validateOffset(targetEnd, 'targetEnd', 0, target.length);
  if (sourceStart === undefined) sourceStart = 0;
  else validateOffset(sourceStart, 'sourceStart');
  if (sourceEnd === undefined) sourceEnd = this.length;
  else validateOffset(sourceEnd, 'sourceEnd', 0, this.length);
  if (sourceStart >= sourceEnd) return targetStart >= targetEnd ? 0 : -1;
  if (targetStart >= targetEnd) return 1;
  return compareRanges(this, sourceStart, sourceEnd, target, targetStart, targetEnd);
};

// A number argument as an integer, or defaultValue when it is not a finite safe one.
function toInteger(n, defaultValue) {
  n = +n;
  if (!Number.isNaN(n) && n >= Number.MIN_SAFE_INTEGER && n <= Number.MAX_SAFE_INTEGER) {
    return n % 1 === 0 ? n : Math.floor(n);
  }
  return defaultValue;
}

// buf.copy(target[, targetStart[, sourceStart[, sourceEnd]]])
proto.copy = function copy(target, targetStart, sourceStart, sourceEnd) {
  if (!isUint8Array(this)) throw new (codes().ERR_INVALID_ARG_TYPE)('source', ['Buffer', 'Uint8Array'], this);
  if (!isUint8Array(target)) throw new (codes().ERR_INVALID_ARG_TYPE)('target', ['Buffer', 'Uint8Array'], target);
  if (targetStart === undefined) {
    targetStart = 0;
  } else {
    targetStart = toInteger(targetStart, 0);
    if (targetStart < 0) throw new (codes().ERR_OUT_OF_RANGE)('targetStart', '>= 0', targetStart);
  }
  if (sourceStart === undefined) {
    sourceStart = 0;
  } else {
    sourceStart = toInteger(sourceStart, 0);
    if (sourceStart < 0 || sourceStart > this.length) {
      throw new (codes().ERR_OUT_OF_RANGE)('sourceStart', `>= 0 && <= ${this.length}`, sourceStart);
    }
  }
  if (sourceEnd === undefined) {
    sourceEnd = this.length;
  } else {
    sourceEnd = toInteger(sourceEnd, 0);
    if (sourceEnd < 0) throw new (codes().ERR_OUT_OF_RANGE)('sourceEnd', '>= 0', sourceEnd);
  }
  if (targetStart >= target.length || sourceStart >= sourceEnd) return 0;
  return copyActual(this, target, targetStart, sourceStart, sourceEnd);
};

// buf.fill(value[, offset[, end]][, encoding]) (and Buffer.alloc's fill).
function fillImpl(buf, value, offset, end, encoding) {
  let name;
  if (typeof value === 'string') {
    if (offset === undefined || typeof offset === 'string') {
      encoding = offset;
      offset = 0;
      end = buf.length;
    } else if (typeof end === 'string') {
      encoding = end;
      end = buf.length;
    }
    name = normalizeEncoding(encoding);
    if (name === undefined) {
      validateString(encoding, 'encoding');
      throw new (codes().ERR_UNKNOWN_ENCODING)(encoding);
    }
    if (value.length === 0) {
      value = 0;
    } else if (value.length === 1) {
      if (name === 'utf8') {
        const code = value.charCodeAt(0);
        if (code < 128) value = code;
      } else if (name === 'latin1') {
        value = value.charCodeAt(0);
      }
    }
  }
  if (offset === undefined) {
    offset = 0;
    end = buf.length;
  } else {
    validateOffset(offset, 'offset');
    if (end === undefined) end = buf.length;
    else validateOffset(end, 'end', 0, buf.length);
    if (offset >= end) return buf;
  }
  if (typeof value === 'number') {
    if (offset > end || end > buf.length) throw new (codes().ERR_BUFFER_OUT_OF_BOUNDS)();
    Uint8Array.prototype.fill.call(buf, value, offset, end);
    return buf;
  }
  let pattern;
  if (typeof value === 'string') {
    pattern = encodingOps[name].toBytes(value);
  } else if (ArrayBuffer.isView(value)) {
    pattern = binding.latin1Slice(new Uint8Array(value.buffer, value.byteOffset, value.byteLength), 0, value.byteLength);
  } else {
    Uint8Array.prototype.fill.call(buf, (value >>> 0) & 255, offset, end);
    return buf;
  }
  if (pattern.length === 0) throw new (codes().ERR_INVALID_ARG_VALUE)('value', value);
  if (end > buf.length) throw new (codes().ERR_BUFFER_OUT_OF_BOUNDS)();
  // The pattern once, then the filled part copied onto the rest, doubling each time.
  let filled = binding.latin1Write(buf, pattern, offset, end - offset);
  while (offset + filled < end) {
    const n = Math.min(filled, end - offset - filled);
    Uint8Array.prototype.copyWithin.call(buf, offset + filled, offset, offset + n);
    filled += n;
  }
  return buf;
}

proto.fill = function fill(value, offset, end, encoding) {
  return fillImpl(this, value, offset, end, encoding);
};

// ---- searching ----

// Node's IndexOfOffset: where a search of needleLength bytes starts, or -1.
function indexOfOffset(length, offset, needleLength, isForward) {
  if (offset < 0) {
    if (offset + length >= 0) return length + offset;
    if (isForward || needleLength === 0) return 0;
    return -1;
  }
  if (offset + needleLength <= length) return offset;
  if (needleLength === 0) return length;
  if (isForward) return -1;
  return length - 1;
}

// The needle's bytes (a byte string) searched for in buf from byteOffset.
function searchBytes(buf, needle, byteOffset, isForward) {
  const length = buf.length;
  const at = indexOfOffset(length, byteOffset, needle.length, isForward);
  if (needle.length === 0) return at;
  if (length === 0 || at <= -1) return -1;
  if ((isForward && needle.length + at > length) || needle.length > length) return -1;
  return binding.indexOf(buf, needle, isForward ? at : Math.min(at, length - needle.length), isForward);
}

function bidirectionalIndexOf(buffer, val, byteOffset, encoding, dir) {
  if (typeof byteOffset === 'string') {
    encoding = byteOffset;
    byteOffset = undefined;
  } else if (byteOffset > 0x7fffffff) {
    byteOffset = 0x7fffffff;
  } else if (byteOffset < -0x80000000) {
    byteOffset = -0x80000000;
  }
  byteOffset = +byteOffset;
  if (Number.isNaN(byteOffset)) byteOffset = dir ? 0 : buffer.length;
  byteOffset = Math.trunc(byteOffset);
  if (typeof val === 'number') return searchBytes(buffer, String.fromCharCode((val >>> 0) & 255), byteOffset, dir);
  const ops = encoding === undefined ? encodingOps.utf8 : getEncodingOps(encoding);
  if (typeof val === 'string') {
    if (ops === undefined) throw new (codes().ERR_UNKNOWN_ENCODING)(encoding);
    return searchBytes(buffer, ops.toBytes(val), byteOffset, dir);
  }
  if (isUint8Array(val)) return searchBytes(buffer, binding.latin1Slice(val, 0, val.length), byteOffset, dir);
  throw new (codes().ERR_INVALID_ARG_TYPE)('value', ['number', 'string', 'Buffer', 'Uint8Array'], val);
}

proto.indexOf = function indexOf(val, byteOffset, encoding) {
  return bidirectionalIndexOf(this, val, byteOffset, encoding, true);
};
proto.lastIndexOf = function lastIndexOf(val, byteOffset, encoding) {
  return bidirectionalIndexOf(this, val, byteOffset, encoding, false);
};
proto.includes = function includes(val, byteOffset, encoding) {
  return this.indexOf(val, byteOffset, encoding) !== -1;
};

// ---- views and byte order ----

// A slice bound: negative counts from the end; clamped to [0, length].
function adjustOffset(offset, length) {
  offset = Math.trunc(offset);
  if (offset === 0 || Number.isNaN(offset)) return 0;
  if (offset < 0) {
    offset += length;
    return offset > 0 ? offset : 0;
  }
  return offset < length ? offset : length;
}

// buf.slice(start, end): a view sharing the memory (as subarray).
proto.slice = function slice(start, end) {
  const srcLength = this.length;
  start = adjustOffset(start, srcLength);
  end = end !== undefined ? adjustOffset(end, srcLength) : srcLength;
  const newLength = end > start ? end - start : 0;
  return new FastBuffer(this.buffer, this.byteOffset + start, newLength);
};

function swapper(bits) {
  const size = bits / 8;
  return function() {
    if (this.length % size !== 0) throw new (codes().ERR_INVALID_BUFFER_SIZE)(`${bits}-bits`);
    for (let i = 0; i < this.length; i += size) {
      for (let a = i, b = i + size - 1; a < b; a++, b--) {
        const t = this[a];
        this[a] = this[b];
        this[b] = t;
      }
    }
    return this;
  };
}
proto.swap16 = swapper(16);
proto.swap32 = swapper(32);
proto.swap64 = swapper(64);

addReadWriteMethods(proto);

Object.defineProperty(proto, 'parent', {
  get() { return isUint8Array(this) && this instanceof Buffer ? this.buffer : undefined; },
  enumerable: true, configurable: true,
});
Object.defineProperty(proto, 'offset', {
  get() { return isUint8Array(this) && this instanceof Buffer ? this.byteOffset : undefined; },
  enumerable: true, configurable: true,
});

// util.inspect(buf): <Buffer 68 69 ... N more bytes>, then any extra own properties.
proto[customInspectSymbol] = function inspect(recurseTimes, ctx) {
  const max = module.exports.INSPECT_MAX_BYTES;
  const actualMax = Math.min(max, this.length);
  const remaining = this.length - max;
  let str = encodingOps.hex.slice(this, 0, actualMax).replace(/(.{2})/g, '$1 ').trim();
  if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  if (ctx) {
    const extras = Object.create(null);
    let any = false;
    const keys = ctx.showHidden ? Object.getOwnPropertyNames(this) : Object.keys(this);
    for (const key of keys) {
      if (/^(0|[1-9][0-9]*)$/.test(key)) continue;
      any = true;
      extras[key] = this[key];
    }
    if (any) {
      if (this.length !== 0) str += ', ';
      const { inspect: utilInspect } = require('internal/util/inspect');
      str += utilInspect(extras, { ...ctx, breakLength: Infinity, compact: true }).slice(27, -2);
    }
  }
  return `<${this.constructor.name} ${str}>`;
};

// ---- the rest of the module ----

// Whether the bytes are well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF).
function isUtf8(input) {
  const bytes = viewBytes(input, 'input');
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    let n, min;
    if (b < 0x80) { i++; continue; }
    if (b >= 0xC2 && b <= 0xDF) { n = 1; min = 0x80; }
    else if (b >= 0xE0 && b <= 0xEF) { n = 2; min = 0x800; }
    else if (b >= 0xF0 && b <= 0xF4) { n = 3; min = 0x10000; }
    else return false;
    if (i + n >= bytes.length) return false;  // truncated
    let cp = b & (0x3F >> n);
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if ((c & 0xC0) !== 0x80) return false;
      cp = (cp << 6) | (c & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n + 1;
  }
  return true;
}

function isAscii(input) {
  const bytes = viewBytes(input, 'input');
  for (let i = 0; i < bytes.length; i++) if (bytes[i] > 127) return false;
  return true;
}

function viewBytes(input, name) {
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  if (isAnyArrayBuffer(input)) return new Uint8Array(input);
  throw new (codes().ERR_INVALID_ARG_TYPE)(name, ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
}

module.exports = {
  Buffer,
  SlowBuffer,
  isUtf8,
  isAscii,
  kMaxLength,
  kStringMaxLength,
  btoa,
  atob,
  constants: { MAX_LENGTH: kMaxLength, MAX_STRING_LENGTH: kStringMaxLength },
  INSPECT_MAX_BYTES: 50,
};
