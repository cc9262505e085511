// crypto: hashes, HMAC, PBKDF2 and randomness on OpenSSL (internal:crypto).
// Binary results are Buffers; binary inputs are strings in an encoding,
// Buffers and other ArrayBuffer views, or ArrayBuffers.
'use strict';

const binding = require('internal:crypto');
const { toBuffer, viewToByteString, decodeBytes, encodeString } = require('internal/byte_string');
const { normalizeEncoding } = require('internal/util');
const {
  codes: {
    ERR_CRYPTO_HASH_FINALIZED,
    ERR_CRYPTO_INVALID_DIGEST,
    ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH,
    ERR_INVALID_ARG_TYPE,
    ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');
const { validateBoolean, validateFunction, validateNumber, validateObject, validateString } = require('internal/validators');

const kData = ['string', 'Buffer', 'TypedArray', 'DataView'];
const kKey = ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'KeyObject', 'CryptoKey'];
const kBinary = ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'];

// The bytes of a view or an ArrayBuffer, as a byte string; undefined for other values.
function binaryBytes(value) {
  if (value instanceof ArrayBuffer) return viewToByteString(new Uint8Array(value));
  if (ArrayBuffer.isView(value)) return viewToByteString(value);
  return undefined;
}

// Data to hash: a string in `encoding` (UTF-8 by default), or binary data.
function dataBytes(value, encoding, name, expected) {
  if (typeof value === 'string') return encodeString(value, normalizeEncoding(encoding) ?? 'utf8');
  const bytes = binaryBytes(value);
  if (bytes === undefined) throw new ERR_INVALID_ARG_TYPE(name, expected, value);
  return bytes;
}

// A digest's bytes as Node returns them: text in a known encoding, else the bytes.
function output(bytes, encoding) {
  const name = encoding === undefined || encoding === 'buffer' ? undefined : normalizeEncoding(encoding);
  return name === undefined ? toBuffer(bytes) : decodeBytes(bytes, name);
}

function checkDigest(algorithm) {
  if (binding.digest(algorithm, '') === null) throw new ERR_CRYPTO_INVALID_DIGEST(algorithm);
}

// Hash: update() gathers the data; digest() hashes it all at once.
class Hash {
  #algorithm;
  #parts;
  #finalized = false;

  constructor(algorithm, options, parts = []) {
    validateString(algorithm, 'algorithm');
    if (binding.digest(algorithm, '') === null) throw new Error('Digest method not supported');
    this.#algorithm = algorithm;
    this.#parts = parts;
  }

  update(data, encoding) {
    if (this.#finalized) throw new ERR_CRYPTO_HASH_FINALIZED();
    this.#parts.push(dataBytes(data, encoding, 'data', kData));
    return this;
  }

  digest(encoding) {
    if (this.#finalized) throw new ERR_CRYPTO_HASH_FINALIZED();
    this.#finalized = true;
    return output(binding.digest(this.#algorithm, this.#parts.join('')), encoding);
  }

  copy(options) {
    if (this.#finalized) throw new ERR_CRYPTO_HASH_FINALIZED();
    return new Hash(this.#algorithm, options, [this.#parts.join('')]);
  }
}

// Hmac: as Hash, keyed; a second digest() gives an empty result (as Node's).
class Hmac {
  #algorithm;
  #key;
  #parts = [];
  #state = 'open';  // 'open' -> 'digested' (empty digests) ; update after digest throws

  constructor(algorithm, key) {
    validateString(algorithm, 'hmac');
    checkDigest(algorithm);
    this.#algorithm = algorithm;
    this.#key = dataBytes(key, 'utf8', 'key', kKey);
  }

  update(data, encoding) {
    if (this.#state !== 'open') throw new ERR_CRYPTO_HASH_FINALIZED();
    this.#parts.push(dataBytes(data, encoding, 'data', kData));
    return this;
  }

  digest(encoding) {
    const bytes = this.#state === 'open' ? binding.hmac(this.#algorithm, this.#key, this.#parts.join('')) : '';
    this.#state = 'digested';
    return output(bytes, encoding);
  }
}

function createHash(algorithm, options) {
  return new Hash(algorithm, options);
}

function createHmac(hmac, key, options) {
  return new Hmac(hmac, key, options);
}

// crypto.hash(algorithm, data[, outputEncoding]): a one-shot digest (hex by default).
function hash(algorithm, input, outputEncoding = 'hex') {
  validateString(algorithm, 'algorithm');
  const bytes = binding.digest(algorithm, dataBytes(input, 'utf8', 'input', kData));
  if (bytes === null) throw new Error(`Digest method ${algorithm} is not supported`);
  return output(bytes, outputEncoding);
}

// The work of an async crypto call runs now; its callback as a thread-pool completion would.
function complete(callback, compute) {
  let result;
  let error = null;
  try {
    result = compute();
  } catch (err) {
    error = err;
  }
  setImmediate(() => callback(error, result));
}

function checkPbkdf2(password, salt, iterations, keylen, digest) {
  const pw = dataBytes(password, 'utf8', 'password', kBinary);
  const sa = dataBytes(salt, 'utf8', 'salt', kBinary);
  validateNumber(iterations, 'iterations');
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > 2147483647) {
    throw new ERR_OUT_OF_RANGE('iterations', '>= 1 && <= 2147483647', iterations);
  }
  validateNumber(keylen, 'keylen');
  if (!Number.isInteger(keylen) || keylen < 0 || keylen > 2147483647) {
    throw new ERR_OUT_OF_RANGE('keylen', '>= 0 && <= 2147483647', keylen);
  }
  validateString(digest, 'digest');
  checkDigest(digest);
  return () => toBuffer(binding.pbkdf2(pw, sa, iterations, keylen, digest));
}

function pbkdf2Sync(password, salt, iterations, keylen, digest) {
  return checkPbkdf2(password, salt, iterations, keylen, digest)();
}

function pbkdf2(password, salt, iterations, keylen, digest, callback) {
  if (typeof digest === 'function') {
    callback = digest;
    digest = undefined;
  }
  const derive = checkPbkdf2(password, salt, iterations, keylen, digest);
  validateFunction(callback, 'callback');
  complete(callback, derive);
}

function checkSize(size) {
  validateNumber(size, 'size');
  if (Number.isNaN(size) || size < 0 || size > 2147483647) throw new ERR_OUT_OF_RANGE('size', '>= 0 && <= 2147483647', size);
  return Math.floor(size);
}

function randomBytes(size, callback) {
  const n = checkSize(size);
  if (callback === undefined) return toBuffer(binding.randomBytes(n));
  validateFunction(callback, 'callback');
  complete(callback, () => toBuffer(binding.randomBytes(n)));
}

// randomUUID(): a version 4 UUID (RFC 9562 §5.4): 122 random bits.
function randomUUID(options) {
  if (options !== undefined) validateObject(options, 'options');
  if (options?.disableEntropyCache !== undefined) validateBoolean(options.disableEntropyCache, 'options.disableEntropyCache');
  const b = binding.randomBytes(16);
  let hex = '';
  for (let i = 0; i < 16; i++) {
    let byte = b.charCodeAt(i);
    if (i === 6) byte = (byte & 0x0f) | 0x40;  // version 4
    if (i === 8) byte = (byte & 0x3f) | 0x80;  // variant 10
    hex += byte.toString(16).padStart(2, '0');
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// randomInt([min, ]max[, callback]): uniform in [min, max), by rejection
// sampling 48-bit random numbers (so max - min is at most 2^48 - 1).
const kRandMax = 2 ** 48 - 1;

function randomInt(min, max, callback) {
  const minGiven = typeof max !== 'undefined' && typeof max !== 'function';
  if (!minGiven) {
    callback = max;
    max = min;
    min = 0;
  }
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (!Number.isSafeInteger(min)) throw new ERR_INVALID_ARG_TYPE('min', 'a safe integer', min);
  if (!Number.isSafeInteger(max)) throw new ERR_INVALID_ARG_TYPE('max', 'a safe integer', max);
  if (max <= min) {
    throw new ERR_OUT_OF_RANGE('max', `greater than the value of "min" (${min})`, max);
  }
  const range = max - min;
  if (!(range <= kRandMax)) throw new ERR_OUT_OF_RANGE(`max${minGiven ? '' : '<'} - min${minGiven ? '' : '>'}`, `<= ${kRandMax}`, range);
  const limit = kRandMax - (kRandMax % range);
  let value;
  for (;;) {
    const b = binding.randomBytes(6);
    let x = 0;
    for (let i = 0; i < 6; i++) x = x * 256 + b.charCodeAt(i);
    if (x < limit) {
      value = min + (x % range);
      break;
    }
  }
  if (callback === undefined) return value;
  process.nextTick(callback, undefined, value);
}

function timingSafeEqual(buf1, buf2) {
  const a = binaryBytes(buf1);
  const b = binaryBytes(buf2);
  for (const [name, bytes] of [['buf1', a], ['buf2', b]]) {
    if (bytes === undefined) {
      const err = new TypeError(`The "${name}" argument must be an instance of ArrayBuffer, Buffer, TypedArray, or DataView.`);
      err.code = 'ERR_INVALID_ARG_TYPE';
      throw err;
    }
  }
  if (a.length !== b.length) throw new ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH();
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

function getHashes() {
  return binding.hashes();
}

// getRandomValues(typedArray): fills an integer typed array with random bytes.
function getRandomValues(array) {
  const integerArrays = typeof ArrayBuffer === 'function' && ArrayBuffer.isView(array) && !(array instanceof DataView) &&
    !(array instanceof Float32Array) && !(array instanceof Float64Array);
  if (!integerArrays) {
    const { DOMException } = require('internal/dom_exception');
    throw new DOMException('The data argument must be an integer-type TypedArray', 'TypeMismatchError');
  }
  if (array.byteLength > 65536) {
    const { DOMException } = require('internal/dom_exception');
    throw new DOMException(`The ArrayBufferView's byte length (${array.byteLength}) exceeds the number of bytes of entropy available via this API (65536)`, 'QuotaExceededError');
  }
  const bytes = binding.randomBytes(array.byteLength);
  const view = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  for (let i = 0; i < bytes.length; i++) view[i] = bytes.charCodeAt(i);
  return array;
}

// The Web Crypto object (globalThis.crypto): randomness only; no subtle yet.
class Crypto {
  getRandomValues(array) { return getRandomValues(array); }
  randomUUID() { return randomUUID(); }
}
const webcrypto = new Crypto();

module.exports = {
  createHash,
  createHmac,
  getHashes,
  getRandomValues,
  hash,
  pbkdf2,
  pbkdf2Sync,
  randomBytes,
  randomInt,
  randomUUID,
  timingSafeEqual,
  webcrypto,
  Hash,
  Hmac,
  constants: {},
};
