// Buffer.prototype's number readers and writers (readUInt8 ... writeBigInt64BE),
// with Node's checks: an offset that is not a number is ERR_INVALID_ARG_TYPE,
// a fraction or an offset past the end ERR_OUT_OF_RANGE ("It must be >= 0 and
// <= N"), a buffer too short for the value ERR_BUFFER_OUT_OF_BOUNDS, a value
// out of the type's range ERR_OUT_OF_RANGE naming that range.
'use strict';

const { validateNumber } = require('internal/validators');

function codes() {
  return require('internal/errors').codes;
}

// Floats go through a scratch view (the machine's byte order is little-endian).
const float32 = new Float32Array(1);
const float32Bytes = new Uint8Array(float32.buffer);
const float64 = new Float64Array(1);
const float64Bytes = new Uint8Array(float64.buffer);

// An offset that is not a whole number, or that leaves no room for the value.
function boundsError(value, length, type) {
  if (Math.floor(value) !== value) {
    validateNumber(value, type);
    throw new (codes().ERR_OUT_OF_RANGE)(type || 'offset', 'an integer', value);
  }
  if (length < 0) throw new (codes().ERR_BUFFER_OUT_OF_BOUNDS)();
  throw new (codes().ERR_OUT_OF_RANGE)(type || 'offset', `>= ${type ? 1 : 0} and <= ${length}`, value);
}

// `byteLength` bytes from offset must exist.
function checkBounds(buf, offset, byteLength) {
  validateNumber(offset, 'offset');
  if (buf[offset] === undefined || buf[offset + byteLength - 1] === undefined) {
    boundsError(offset, buf.length - byteLength);
  }
}

// The value must lie in [min, max]; ranges of more than 4 bytes are worded as powers of two.
function checkInt(value, min, max, buf, offset, byteLength) {
  if (value > max || value < min) {
    const n = typeof min === 'bigint' ? 'n' : '';
    let range;
    if (byteLength > 4) {
      if (min === 0 || min === 0n) range = `>= 0${n} and < 2${n} ** ${byteLength * 8}${n}`;
      else range = `>= -(2${n} ** ${byteLength * 8 - 1}${n}) and < 2${n} ** ${byteLength * 8 - 1}${n}`;
    } else {
      range = `>= ${min}${n} and <= ${max}${n}`;
    }
    throw new (codes().ERR_OUT_OF_RANGE)('value', range, value);
  }
  checkBounds(buf, offset, byteLength);
}

// ---- integers of 1 to 6 bytes ----

function readUnsigned(buf, offset, byteLength, littleEndian) {
  checkBounds(buf, offset, byteLength);
  let value = 0;
  for (let i = 0; i < byteLength; i++) {
    const byte = buf[littleEndian ? offset + i : offset + byteLength - 1 - i];
    value += byte * 2 ** (8 * i);
  }
  return value;
}

function readSigned(buf, offset, byteLength, littleEndian) {
  const value = readUnsigned(buf, offset, byteLength, littleEndian);
  const limit = 2 ** (8 * byteLength - 1);
  return value >= limit ? value - 2 * limit : value;
}

function writeInteger(buf, value, offset, byteLength, littleEndian, min, max) {
  value = +value;
  checkInt(value, min, max, buf, offset, byteLength);
  let rest = value < 0 ? value + 2 ** (8 * byteLength) : value;
  for (let i = 0; i < byteLength; i++) {
    buf[littleEndian ? offset + i : offset + byteLength - 1 - i] = rest % 256;
    rest = Math.floor(rest / 256);
  }
  return offset + byteLength;
}

// The range of a signed or unsigned integer of n bytes.
const unsignedMax = (n) => 2 ** (8 * n) - 1;
const signedMin = (n) => -(2 ** (8 * n - 1));
const signedMax = (n) => 2 ** (8 * n - 1) - 1;

// readUIntLE(offset, byteLength) and friends: byteLength must be 1 to 6.
function checkByteLength(byteLength) {
  if (byteLength !== 1 && byteLength !== 2 && byteLength !== 3 && byteLength !== 4 && byteLength !== 5 &&
      byteLength !== 6) {
    boundsError(byteLength, 6, 'byteLength');
  }
}

function checkOffsetGiven(offset) {
  if (offset === undefined) throw new (codes().ERR_INVALID_ARG_TYPE)('offset', 'number', offset);
}

// ---- 64-bit integers as BigInt ----

function readBig(buf, offset, littleEndian, signed) {
  checkBounds(buf, offset, 8);
  let value = 0n;
  for (let i = 0; i < 8; i++) value = (value << 8n) | BigInt(buf[littleEndian ? offset + 7 - i : offset + i]);
  return signed ? BigInt.asIntN(64, value) : value;
}

function writeBig(buf, value, offset, littleEndian, min, max) {
  checkInt(value, min, max, buf, offset, 8);
  let rest = BigInt.asUintN(64, value);
  for (let i = 0; i < 8; i++) {
    buf[littleEndian ? offset + i : offset + 7 - i] = Number(rest & 0xFFn);
    rest >>= 8n;
  }
  return offset + 8;
}

// ---- floats ----

function readFloat(buf, offset, bytes, view, littleEndian) {
  checkBounds(buf, offset, bytes.length);
  for (let i = 0; i < bytes.length; i++) bytes[i] = buf[littleEndian ? offset + i : offset + bytes.length - 1 - i];
  return view[0];
}

function writeFloat(buf, value, offset, bytes, view, littleEndian) {
  value = +value;
  checkBounds(buf, offset, bytes.length);
  view[0] = value;
  for (let i = 0; i < bytes.length; i++) buf[littleEndian ? offset + i : offset + bytes.length - 1 - i] = bytes[i];
  return offset + bytes.length;
}

// The methods, added to Buffer.prototype (with Node's lower-case `Uint` aliases).
function addReadWriteMethods(proto) {
  const fixed = [['8', 1], ['16', 2], ['32', 4]];
  for (const [bits, n] of fixed) {
    for (const [suffix, le] of n === 1 ? [['', true]] : [['LE', true], ['BE', false]]) {
      proto[`readUInt${bits}${suffix}`] = function(offset = 0) { return readUnsigned(this, offset, n, le); };
      proto[`readInt${bits}${suffix}`] = function(offset = 0) { return readSigned(this, offset, n, le); };
      proto[`writeUInt${bits}${suffix}`] = function(value, offset = 0) {
        return writeInteger(this, value, offset, n, le, 0, unsignedMax(n));
      };
      proto[`writeInt${bits}${suffix}`] = function(value, offset = 0) {
        return writeInteger(this, value, offset, n, le, signedMin(n), signedMax(n));
      };
    }
  }
  for (const [suffix, le] of [['LE', true], ['BE', false]]) {
    proto[`readUInt${suffix}`] = function(offset, byteLength) {
      checkOffsetGiven(offset);
      checkByteLength(byteLength);
      return readUnsigned(this, offset, byteLength, le);
    };
    proto[`readInt${suffix}`] = function(offset, byteLength) {
      checkOffsetGiven(offset);
      checkByteLength(byteLength);
      return readSigned(this, offset, byteLength, le);
    };
    proto[`writeUInt${suffix}`] = function(value, offset, byteLength) {
      checkByteLength(byteLength);
      return writeInteger(this, value, offset, byteLength, le, 0, unsignedMax(byteLength));
    };
    proto[`writeInt${suffix}`] = function(value, offset, byteLength) {
      checkByteLength(byteLength);
      return writeInteger(this, value, offset, byteLength, le, signedMin(byteLength), signedMax(byteLength));
    };
    proto[`readFloat${suffix}`] = function(offset = 0) { return readFloat(this, offset, float32Bytes, float32, le); };
    proto[`readDouble${suffix}`] = function(offset = 0) { return readFloat(this, offset, float64Bytes, float64, le); };
    proto[`writeFloat${suffix}`] = function(value, offset = 0) {
      return writeFloat(this, value, offset, float32Bytes, float32, le);
    };
    proto[`writeDouble${suffix}`] = function(value, offset = 0) {
      return writeFloat(this, value, offset, float64Bytes, float64, le);
    };
    proto[`readBigUInt64${suffix}`] = function(offset = 0) { return readBig(this, offset, le, false); };
    proto[`readBigInt64${suffix}`] = function(offset = 0) { return readBig(this, offset, le, true); };
    proto[`writeBigUInt64${suffix}`] = function(value, offset = 0) {
      return writeBig(this, value, offset, le, 0n, 0xFFFFFFFFFFFFFFFFn);
    };
    proto[`writeBigInt64${suffix}`] = function(value, offset = 0) {
      return writeBig(this, value, offset, le, -(2n ** 63n), 2n ** 63n - 1n);
    };
  }
  // Node's aliases spelled Uint (readUint8, writeBigUint64LE, ...).
  for (const name of Object.getOwnPropertyNames(proto)) {
    if (/^(read|write)(Big)?UInt/.test(name)) proto[name.replace('UInt', 'Uint')] = proto[name];
  }
}

module.exports = { addReadWriteMethods, boundsError };
