// node:zlib — deflate/inflate/gzip/gunzip/raw/unzip and Brotli over
// Debian's zlib and libbrotli (internal:zlib, zlib_binding.cpp): the
// stream classes (Transforms), the convenience functions in their sync,
// callback and promisify-able forms, crc32, constants and codes.
// Each stream owns a binding id; every write is one binding call (on the
// thread pool for streams and callbacks, now for the *Sync forms).
'use strict';

const binding = require('internal:zlib');
const { Buffer, kMaxLength } = require('buffer');
const { Transform, finished } = require('stream');
const { isAnyArrayBuffer, isArrayBufferView } = require('internal/util/types');
const { validateFunction, validateNumber } = require('internal/validators');
const {
  codes: { ERR_BROTLI_INVALID_PARAM, ERR_BUFFER_TOO_LARGE, ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE, ERR_ZLIB_INITIALIZATION_FAILED },
} = require('internal/errors');
const constants = require('internal/zlib_constants');

const {
  Z_NO_FLUSH, Z_PARTIAL_FLUSH, Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH, Z_BLOCK,
  Z_DEFAULT_COMPRESSION, Z_DEFAULT_STRATEGY, Z_DEFAULT_MEMLEVEL, Z_DEFAULT_WINDOWBITS, Z_DEFAULT_CHUNK,
  DEFLATE, INFLATE, GZIP, GUNZIP, DEFLATERAW, INFLATERAW, UNZIP, BROTLI_DECODE, BROTLI_ENCODE,
  BROTLI_OPERATION_PROCESS, BROTLI_OPERATION_FLUSH, BROTLI_OPERATION_FINISH, BROTLI_OPERATION_EMIT_METADATA,
} = constants;

// zlib's return codes both ways (zlib.codes).
const codes = {
  Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2,
  Z_DATA_ERROR: -3, Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6,
};
for (const name of Object.keys(codes)) codes[codes[name]] = name;

// A Brotli decoder error's code as Node names it: its BROTLI_DECODER_* name
// with the "BROTLI_DECODER" part dropped, after "ERR_".
const brotliErrorNames = new Map();
for (const name of Object.keys(constants)) {
  if (name.startsWith('BROTLI_DECODER_ERROR_')) brotliErrorNames.set(constants[name], 'ERR_' + name.slice(14));
}

// The binding's [errno, message, isBrotliDecoderError] as Node's Error.
function zlibError(failure) {
  const [errno, message, brotliDecoderError] = failure;
  const error = new Error(message);
  error.errno = errno;
  error.code = brotliDecoderError ? brotliErrorNames.get(errno) : codes[errno];
  return error;
}

// An option that must be a finite number in [lower, upper] when given
// (undefined and NaN take the default).
function checkRangesOrGetDefault(number, name, lower, upper, def) {
  if (number === undefined || Number.isNaN(number)) return def;
  validateNumber(number, name);
  if (!Number.isFinite(number)) throw new ERR_OUT_OF_RANGE(name, 'a finite number', number);
  if (number < lower || number > upper) {
    throw new ERR_OUT_OF_RANGE(name, upper === Infinity ? `>= ${lower}` : `>= ${lower} and <= ${upper}`, number);
  }
  return number;
}

// The input of a convenience function (or a dictionary) as a Uint8Array view.
function bytesOf(value, name, typesForError) {
  if (typeof value === 'string') return Buffer.from(value);
  if (isArrayBufferView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  if (isAnyArrayBuffer(value)) return new Uint8Array(value);
  throw new ERR_INVALID_ARG_TYPE(name, typesForError, value);
}

const kFlushFlag = Symbol('kFlushFlag');
const kHandle = Symbol('kHandle');

// The common part of every zlib and Brotli stream.
class ZlibBase extends Transform {
  constructor(opts, mode, flushLimits) {
    const [maxFlush, defaultFlush, defaultFinish, defaultFull] = flushLimits;
    let chunkSize = Z_DEFAULT_CHUNK;
    let flush = defaultFlush;
    let finishFlush = defaultFinish;
    let maxOutputLength = kMaxLength;
    if (opts) {
      chunkSize = checkRangesOrGetDefault(opts.chunkSize, 'options.chunkSize', 64, Infinity, Z_DEFAULT_CHUNK);
      flush = checkRangesOrGetDefault(opts.flush, 'options.flush', 0, maxFlush, defaultFlush);
      finishFlush = checkRangesOrGetDefault(opts.finishFlush, 'options.finishFlush', 0, maxFlush, defaultFinish);
      maxOutputLength = checkRangesOrGetDefault(opts.maxOutputLength, 'options.maxOutputLength', 1, kMaxLength,
                                                kMaxLength);
      if (opts.encoding || opts.objectMode || opts.writableObjectMode) {
        opts = { ...opts, encoding: null, objectMode: false, writableObjectMode: false };
      }
    }
    super({ autoDestroy: true, ...opts });
    this.bytesWritten = 0;
    this._chunkSize = chunkSize;
    this._defaultFlushFlag = flush;
    this._finishFlushFlag = finishFlush;
    this._defaultFullFlushFlag = defaultFull;
    this._info = opts && opts.info;
    this._maxOutputLength = maxOutputLength;
    this._mode = mode;
    this[kHandle] = null;
  }

  get _closed() {
    return this[kHandle] === null;
  }

  // Runs one write through the binding now: the output, or throws the stream's error.
  _processSync(chunk, flushFlag) {
    const result = binding.write(this[kHandle], chunk, flushFlag);
    if (Array.isArray(result)) throw zlibError(result);
    this.bytesWritten += chunk.byteLength;
    return result;
  }

  // Pushes `bytes` (an ArrayBuffer) in pieces of at most chunkSize.
  _pushOutput(bytes) {
    for (let at = 0; at < bytes.byteLength; at += this._chunkSize) {
      this.push(Buffer.from(bytes, at, Math.min(this._chunkSize, bytes.byteLength - at)));
    }
  }

  _transform(chunk, encoding, callback) {
    if (typeof chunk === 'string') chunk = Buffer.from(chunk, encoding);
    if (!isArrayBufferView(chunk)) {
      return callback(new ERR_INVALID_ARG_TYPE('chunk', ['Buffer', 'TypedArray', 'DataView'], chunk));
    }
    if (this[kHandle] === null) return callback(new ERR_ZLIB_INITIALIZATION_FAILED());
    let flushFlag = chunk[kFlushFlag] !== undefined ? chunk[kFlushFlag] : this._defaultFlushFlag;
    const ws = this._writableState;
    if ((ws.ending || ws.ended) && ws.length === chunk.byteLength) flushFlag = Math.max(flushFlag, this._finishFlushFlag);
    const view = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    binding.write(this[kHandle], view, flushFlag, (failure, bytes) => {
      if (failure) return callback(zlibError(failure));
      this.bytesWritten += view.byteLength;
      if (this.destroyed) return callback();
      this._pushOutput(bytes);
      callback();
    });
  }

  _flush(callback) {
    this._transform(Buffer.alloc(0), '', callback);
  }

  // As Node's: the final flush runs at 'prefinish' (Transform's rule for a
  // stream with its own _final), so 'finish' does not wait for the last output.
  _final(callback) {
    callback();
  }

  _destroy(err, callback) {
    this._closeHandle();
    callback(err);
  }

  _closeHandle() {
    if (this[kHandle] !== null) binding.close(this[kHandle]);
    this[kHandle] = null;
  }

  // flush([kind, ]callback): everything written so far comes out now.
  flush(kind, callback) {
    if (typeof kind === 'function' || (kind === undefined && !callback)) {
      callback = kind;
      kind = this._defaultFullFlushFlag;
    }
    if (this.writableFinished) {
      if (callback) process.nextTick(callback);
    } else if (this.writableEnded) {
      if (callback) this.once('end', callback);
    } else {
      const marker = Buffer.alloc(0);
      marker[kFlushFlag] = kind;
      this.write(marker, '', callback);
    }
  }

  close(callback) {
    if (callback) finished(this, callback);
    this.destroy();
  }

  reset() {
    if (this[kHandle] === null) throw new ERR_ZLIB_INITIALIZATION_FAILED();
    binding.reset(this[kHandle]);
  }
}

const zlibFlushLimits = [Z_BLOCK, Z_NO_FLUSH, Z_FINISH, Z_FULL_FLUSH];

// Deflate, Inflate, Gzip, Gunzip, DeflateRaw, InflateRaw, Unzip.
class Zlib extends ZlibBase {
  constructor(opts, mode) {
    let windowBits = Z_DEFAULT_WINDOWBITS;
    let level = Z_DEFAULT_COMPRESSION;
    let memLevel = Z_DEFAULT_MEMLEVEL;
    let strategy = Z_DEFAULT_STRATEGY;
    let dictionary;
    if (opts) {
      // An inflater may take 0: the window size in the stream's header.
      if ((opts.windowBits === 0) && (mode === INFLATE || mode === GUNZIP || mode === UNZIP)) windowBits = 0;
      else windowBits = checkRangesOrGetDefault(opts.windowBits, 'options.windowBits', mode === GZIP ? 9 : 8, 15,
                                                Z_DEFAULT_WINDOWBITS);
      level = checkRangesOrGetDefault(opts.level, 'options.level', -1, 9, Z_DEFAULT_COMPRESSION);
      memLevel = checkRangesOrGetDefault(opts.memLevel, 'options.memLevel', 1, 9, Z_DEFAULT_MEMLEVEL);
      strategy = checkRangesOrGetDefault(opts.strategy, 'options.strategy', 0, 4, Z_DEFAULT_STRATEGY);
      if (opts.dictionary !== undefined) {
        if (!isArrayBufferView(opts.dictionary) && !isAnyArrayBuffer(opts.dictionary)) {
          throw new ERR_INVALID_ARG_TYPE('options.dictionary', ['Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'],
                                         opts.dictionary);
        }
        dictionary = bytesOf(opts.dictionary, 'options.dictionary', []);
      }
    }
    // zlib refuses an 8-bit window for a raw deflate; 9 is what it would use.
    if (mode === DEFLATERAW && windowBits === 8) windowBits = 9;
    super(opts, mode, zlibFlushLimits);
    const id = binding.create(mode, level, windowBits, memLevel, strategy, dictionary || null);
    if (Array.isArray(id)) throw new ERR_ZLIB_INITIALIZATION_FAILED();
    this[kHandle] = id;
    this._level = level;
    this._strategy = strategy;
  }

  // params(level, strategy, callback): new settings from the next byte on.
  params(level, strategy, callback) {
    checkRangesOrGetDefault(level, 'level', -1, 9);
    checkRangesOrGetDefault(strategy, 'strategy', 0, 4);
    if (this._level === level && this._strategy === strategy) {
      if (callback) process.nextTick(callback);
      return;
    }
    this.flush(Z_SYNC_FLUSH, () => {
      if (this[kHandle] !== null) binding.params(this[kHandle], level, strategy);
      this._level = level;
      this._strategy = strategy;
      if (callback) callback();
    });
  }
}

const brotliFlushLimits = [BROTLI_OPERATION_EMIT_METADATA, BROTLI_OPERATION_PROCESS, BROTLI_OPERATION_FINISH,
                           BROTLI_OPERATION_FLUSH];

// BrotliCompress, BrotliDecompress: `params` is { [BROTLI_PARAM_*]: value }.
class Brotli extends ZlibBase {
  constructor(opts, mode) {
    super(opts, mode, brotliFlushLimits);
    const id = binding.create(mode, 0, 0, 0, 0, null);
    if (Array.isArray(id)) throw new ERR_ZLIB_INITIALIZATION_FAILED();
    this[kHandle] = id;
    if (opts && opts.params) {
      for (const key of Object.keys(opts.params)) {
        const value = opts.params[key];
        if (typeof value !== 'number' && typeof value !== 'boolean') {
          throw new ERR_INVALID_ARG_TYPE('options.params[key]', 'number', value);
        }
        if (!binding.brotliParam(id, Number(key), Number(value))) {
          this._closeHandle();
          throw new ERR_BROTLI_INVALID_PARAM(key);
        }
      }
    }
  }
}

class Deflate extends Zlib { constructor(opts) { super(opts, DEFLATE); } }
class Inflate extends Zlib { constructor(opts) { super(opts, INFLATE); } }
class Gzip extends Zlib { constructor(opts) { super(opts, GZIP); } }
class Gunzip extends Zlib { constructor(opts) { super(opts, GUNZIP); } }
class DeflateRaw extends Zlib { constructor(opts) { super(opts, DEFLATERAW); } }
class InflateRaw extends Zlib { constructor(opts) { super(opts, INFLATERAW); } }
class Unzip extends Zlib { constructor(opts) { super(opts, UNZIP); } }
class BrotliCompress extends Brotli { constructor(opts) { super(opts, BROTLI_ENCODE); } }
class BrotliDecompress extends Brotli { constructor(opts) { super(opts, BROTLI_DECODE); } }

const inputTypes = ['string', 'Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'];

// The result of a whole-buffer run: a Buffer (maxOutputLength checked), or { buffer, engine }.
function bufferResult(engine, bytes) {
  if (bytes.byteLength > engine._maxOutputLength) throw new ERR_BUFFER_TOO_LARGE(engine._maxOutputLength);
  const buffer = Buffer.from(bytes);
  return engine._info ? { buffer, engine } : buffer;
}

// fooSync(buffer[, options]): the whole input at once, on this thread.
function zlibBufferSync(engine, buffer) {
  const input = bytesOf(buffer, 'buffer', inputTypes);
  try {
    return bufferResult(engine, engine._processSync(input, engine._finishFlushFlag));
  } finally {
    engine._closeHandle();
  }
}

// foo(buffer[, options], callback): the whole input on the thread pool
// (a bad input is worded as the stream write Node makes of it).
function zlibBuffer(engine, buffer, callback) {
  validateFunction(callback, 'callback');
  const input = bytesOf(buffer, 'chunk', ['string', 'Buffer', 'TypedArray', 'DataView']);
  binding.write(engine[kHandle], input, engine._finishFlushFlag, (failure, bytes) => {
    engine._closeHandle();
    if (failure) return callback(zlibError(failure));
    engine.bytesWritten = input.byteLength;
    let result;
    try {
      result = bufferResult(engine, bytes);
    } catch (err) {
      return callback(err);
    }
    callback(null, result);
  });
}

function syncForm(Ctor, name) {
  const fn = { [name](buffer, opts) { return zlibBufferSync(new Ctor(opts), buffer); } }[name];
  return fn;
}

function callbackForm(Ctor, name) {
  return {
    [name](buffer, opts, callback) {
      if (typeof opts === 'function') {
        callback = opts;
        opts = {};
      }
      validateFunction(callback, 'callback');
      return zlibBuffer(new Ctor(opts), buffer, callback);
    },
  }[name];
}

// crc32(data[, value]): zlib's CRC-32 of data (a string is UTF-8), continuing from value.
function crc32(data, value = 0) {
  if (typeof data !== 'string' && !isArrayBufferView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['Buffer', 'TypedArray', 'DataView', 'string'], data);
  }
  validateNumber(value, 'value');
  const bytes = bytesOf(data, 'data', []);
  return binding.crc32(bytes, value >>> 0);
}

const zlib = {
  crc32,
  Deflate, Inflate, Gzip, Gunzip, DeflateRaw, InflateRaw, Unzip, BrotliCompress, BrotliDecompress,
};
const kinds = [
  ['deflate', Deflate], ['gzip', Gzip], ['deflateRaw', DeflateRaw], ['unzip', Unzip], ['inflate', Inflate],
  ['gunzip', Gunzip], ['inflateRaw', InflateRaw], ['brotliCompress', BrotliCompress],
  ['brotliDecompress', BrotliDecompress],
];
for (const [name, Ctor] of kinds) {
  zlib[name] = callbackForm(Ctor, name);
  zlib[name + 'Sync'] = syncForm(Ctor, name + 'Sync');
}
for (const Ctor of [Deflate, Inflate, DeflateRaw, InflateRaw, Gzip, Gunzip, Unzip, BrotliCompress, BrotliDecompress]) {
  const createName = 'create' + Ctor.name;
  zlib[createName] = { [createName](opts) { return new Ctor(opts); } }[createName];
}
Object.defineProperty(zlib, 'constants', { value: constants, enumerable: true, writable: false, configurable: false });
Object.defineProperty(zlib, 'codes', { value: Object.freeze(codes), enumerable: true, writable: false });
// The old top-level copies of the constants (zlib.Z_SYNC_FLUSH ...), not enumerable.
for (const name of Object.keys(constants)) {
  if (name.startsWith('BROTLI')) continue;
  Object.defineProperty(zlib, name, { value: constants[name], enumerable: false, writable: false });
}
void Z_PARTIAL_FLUSH;

module.exports = zlib;
