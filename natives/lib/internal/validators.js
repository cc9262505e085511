// Argument checks shared by the built-in modules, throwing Node's errors
// (ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE, ERR_INVALID_ARG_VALUE, ...).
'use strict';

// internal/errors is loaded when a check first fails (it is large, and
// most programs never pass a bad argument).
function codes() {
  return require('internal/errors').codes;
}

function isInt32(value) {
  return value === (value | 0);
}

function isUint32(value) {
  return value === (value >>> 0);
}

function validateString(value, name) {
  if (typeof value !== 'string') throw new (codes().ERR_INVALID_ARG_TYPE)(name, 'string', value);
}

function validateNumber(value, name, min = undefined, max) {
  if (typeof value !== 'number') throw new (codes().ERR_INVALID_ARG_TYPE)(name, 'number', value);
  if ((min != null && value < min) || (max != null && value > max) ||
      ((min != null || max != null) && Number.isNaN(value))) {
    throw new (codes().ERR_OUT_OF_RANGE)(name,
      `${min != null ? `>= ${min}` : ''}${min != null && max != null ? ' && ' : ''}${max != null ? `<= ${max}` : ''}`,
      value);
  }
}

function validateBoolean(value, name) {
  if (typeof value !== 'boolean') throw new (codes().ERR_INVALID_ARG_TYPE)(name, 'boolean', value);
}

function validateFunction(value, name) {
  if (typeof value !== 'function') throw new (codes().ERR_INVALID_ARG_TYPE)(name, 'Function', value);
}

function validateInteger(value, name, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) {
  if (typeof value !== 'number') throw new (codes().ERR_INVALID_ARG_TYPE)(name, 'number', value);
  if (!Number.isInteger(value)) throw new (codes().ERR_OUT_OF_RANGE)(name, 'an integer', value);
  if (value < min || value > max) throw new (codes().ERR_OUT_OF_RANGE)(name, `>= ${min} && <= ${max}`, value);
}

function validateInt32(value, name, min = -2147483648, max = 2147483647) {
  if (typeof value !== 'number') throw new (codes().ERR_INVALID_ARG_TYPE)(name, 'number', value);
  if (!Number.isInteger(value)) throw new (codes().ERR_OUT_OF_RANGE)(name, 'an integer', value);
  if (value < min || value > max) throw new (codes().ERR_OUT_OF_RANGE)(name, `>= ${min} && <= ${max}`, value);
}

function validateUint32(value, name, positive = false) {
  if (typeof value !== 'number') throw new (codes().ERR_INVALID_ARG_TYPE)(name, 'number', value);
  if (!Number.isInteger(value)) throw new (codes().ERR_OUT_OF_RANGE)(name, 'an integer', value);
  const min = positive ? 1 : 0;
  const max = 4294967295;
  if (value < min || value > max) throw new (codes().ERR_OUT_OF_RANGE)(name, `>= ${min} && <= ${max}`, value);
}

const kValidateObjectNone = 0;
const kValidateObjectAllowNullable = 1;
const kValidateObjectAllowArray = 2;
const kValidateObjectAllowFunction = 4;

function validateObject(value, name, options = kValidateObjectNone) {
  if (options === kValidateObjectNone) {
    if (value === null || Array.isArray(value)) throw new (codes().ERR_INVALID_ARG_TYPE)(name, 'Object', value);
    if (typeof value !== 'object') throw new (codes().ERR_INVALID_ARG_TYPE)(name, 'Object', value);
    return;
  }
  const nullable = (options & kValidateObjectAllowNullable) !== 0;
  if ((!nullable && value === null) ||
      ((options & kValidateObjectAllowArray) === 0 && Array.isArray(value)) ||
      (typeof value !== 'object' && ((options & kValidateObjectAllowFunction) === 0 || typeof value !== 'function'))) {
    throw new (codes().ERR_INVALID_ARG_TYPE)(name, 'Object', value);
  }
}

function validateArray(value, name, minLength = 0) {
  if (!Array.isArray(value)) throw new (codes().ERR_INVALID_ARG_TYPE)(name, 'Array', value);
  if (value.length < minLength) {
    throw new (codes().ERR_INVALID_ARG_VALUE)(name, value, `must be longer than ${minLength}`);
  }
}

function validateStringArray(value, name) {
  validateArray(value, name);
  for (let i = 0; i < value.length; i++) validateString(value[i], `${name}[${i}]`);
}

function validateOneOf(value, name, oneOf) {
  if (!oneOf.includes(value)) {
    const allowed = oneOf.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(', ');
    throw new (codes().ERR_INVALID_ARG_VALUE)(name, value, 'must be one of: ' + allowed);
  }
}

function validateUnion(value, name, union) {
  if (!union.includes(value)) throw new (codes().ERR_INVALID_ARG_TYPE)(name, `('${union.join('|')}')`, value);
}

function validateAbortSignal(signal, name) {
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw new (codes().ERR_INVALID_ARG_TYPE)(name, 'AbortSignal', signal);
  }
}

function validatePort(port, name = 'Port', allowZero = true) {
  if ((typeof port !== 'number' && typeof port !== 'string') ||
      (typeof port === 'string' && port.trim().length === 0) ||
      +port !== (+port >>> 0) || port > 0xFFFF || (port === 0 && !allowZero)) {
    throw new (codes().ERR_SOCKET_BAD_PORT)(name, port, allowZero);
  }
  return port | 0;
}

function validateEncoding(data, encoding) {
  const normalized = require('internal/util').normalizeEncoding(encoding);
  const length = data.length;
  if (normalized === 'hex' && length % 2 !== 0) {
    throw new (codes().ERR_INVALID_ARG_VALUE)('encoding', encoding, `is invalid for data of length ${length}`);
  }
}


function validateSignalName(signal, name = 'signal') {
  validateString(signal, name);
  const signals = require('internal:process').signals;
  if (signals[signal] === undefined) {
    if (signals[signal.toUpperCase()] !== undefined) {
      throw new (codes().ERR_UNKNOWN_SIGNAL)(signal + ' (signals must use all capital letters)');
    }
    throw new (codes().ERR_UNKNOWN_SIGNAL)(signal);
  }
}

function validateBuffer(buffer, name = 'buffer') {
  if (!ArrayBuffer.isView(buffer)) throw new (codes().ERR_INVALID_ARG_TYPE)(name, ['Buffer', 'TypedArray', 'DataView'], buffer);
}

module.exports = {
  isInt32,
  isUint32,
  validateArray,
  validateStringArray,
  validateBoolean,
  validateBuffer,
  validateEncoding,
  validateFunction,
  validateInt32,
  validateInteger,
  validateNumber,
  validateObject,
  kValidateObjectAllowNullable,
  kValidateObjectAllowArray,
  kValidateObjectAllowFunction,
  validateOneOf,
  validatePort,
  validateSignalName,
  validateString,
  validateUint32,
  validateUnion,
  validateAbortSignal,
};
