// structuredClone(value[, { transfer }]): HTML's StructuredSerialize and
// StructuredDeserialize in one walk (a memo keeps shared references and
// cycles). Primitives but symbols; Boolean/Number/String/BigInt wrappers;
// Date; RegExp; Map; Set; Error (the standard names, message, stack,
// cause); arrays (length and holes kept) and other objects as plain objects
// of their own enumerable string-keyed properties. ArrayBuffers and views
// are copied where the engine has them. Anything else throws a
// DataCloneError, as Node's serializer does.
'use strict';

const { internalClass, boxedValue } = require('internal:util');

const kErrorNames = ['Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError'];

function dataCloneError(value) {
  const { DOMException } = require('internal/dom_exception');
  return new DOMException(`${describe(value)} could not be cloned.`, 'DataCloneError');
}

// How the message names the value: its source text for a function, else
// "#<Constructor>" for an object.
function describe(value) {
  if (typeof value === 'symbol') return value.toString();
  if (typeof value === 'function') return Function.prototype.toString.call(value);
  return require('internal/util').constructorTag(value);
}

const typedArrayName = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype),
  Symbol.toStringTag).get;

function cloneBinary(value, memo) {
  let copy;
  if (value instanceof ArrayBuffer) {
    copy = value.slice(0);
  } else if (ArrayBuffer.isView(value)) {
    // The view's own kind (a Buffer comes back a Uint8Array, as in Node), not its constructor property.
    const name = typedArrayName.call(value);
    const View = name === undefined ? DataView : globalThis[name];
    const length = name === undefined ? value.byteLength : value.length;
    copy = new View(cloneValue(value.buffer, memo), value.byteOffset, length);
  } else {
    return undefined;
  }
  memo.set(value, copy);
  return copy;
}

function cloneValue(value, memo) {
  if (typeof value === 'symbol' || typeof value === 'function') throw dataCloneError(value);
  if (value === null || typeof value !== 'object') return value;
  if (memo.has(value)) return memo.get(value);

  const cls = internalClass(value);
  let copy;
  switch (cls) {
    case 'Boolean':
    case 'Number':
    case 'String':
    case 'BigInt':
      copy = Object(boxedValue(value));
      memo.set(value, copy);
      return copy;
    case 'Date':
      copy = new Date(Date.prototype.getTime.call(value));
      memo.set(value, copy);
      return copy;
    case 'RegExp':
      copy = new RegExp(value.source, value.flags);
      memo.set(value, copy);
      return copy;
    case 'Map':
      copy = new Map();
      memo.set(value, copy);
      for (const [k, v] of Map.prototype.entries.call(value)) copy.set(cloneValue(k, memo), cloneValue(v, memo));
      return copy;
    case 'Set':
      copy = new Set();
      memo.set(value, copy);
      for (const v of Set.prototype.values.call(value)) copy.add(cloneValue(v, memo));
      return copy;
    case 'Error':
      return cloneError(value, memo);
    case 'ArrayBuffer':
    case 'TypedArray':
    case 'DataView':
      return cloneBinary(value, memo);
    case 'Array':
      copy = new Array(value.length);
      memo.set(value, copy);
      copyProperties(value, copy, memo);
      return copy;
    case 'Object':
      if (globalThis.ArrayBuffer !== undefined) {
        const binary = cloneBinary(value, memo);
        if (binary !== undefined) return binary;
      }
      copy = {};
      memo.set(value, copy);
      copyProperties(value, copy, memo);
      return copy;
    default:
      // Promises, weak collections, proxies, iterators, symbols' wrappers...
      throw dataCloneError(value);
  }
}

function copyProperties(from, to, memo) {
  for (const key of Object.keys(from)) {
    if (!Object.prototype.propertyIsEnumerable.call(from, key)) continue;
    to[key] = cloneValue(from[key], memo);
  }
}

function cloneError(value, memo) {
  let name = 'Error';
  const proto = Object.getPrototypeOf(value);
  for (const candidate of kErrorNames) {
    if (proto === globalThis[candidate].prototype) name = candidate;
  }
  const copy = Object.create(globalThis[name].prototype);
  memo.set(value, copy);
  const message = Object.getOwnPropertyDescriptor(value, 'message');
  if (message && 'value' in message) {
    Object.defineProperty(copy, 'message', { value: String(message.value), writable: true, configurable: true });
  }
  const stack = value.stack;
  Object.defineProperty(copy, 'stack', {
    value: typeof stack === 'string' ? stack : `${name}: ${copy.message ?? ''}`,
    writable: true, configurable: true,
  });
  if (Object.prototype.hasOwnProperty.call(value, 'cause')) {
    Object.defineProperty(copy, 'cause', { value: cloneValue(value.cause, memo), writable: true, configurable: true });
  }
  return copy;
}

// The errors Node's C++ side throws: a plain TypeError with a code.
function codeError(message, code) {
  const err = new TypeError(message);
  err.code = code;
  return err;
}

function structuredClone(value, options = undefined) {
  if (arguments.length === 0) throw codeError('The value argument must be specified', 'ERR_MISSING_ARGS');
  if (options !== undefined && options !== null) {
    if (typeof options !== 'object') {
      throw codeError('The options argument must be either an object or undefined', 'ERR_INVALID_ARG_TYPE');
    }
    const transfer = options.transfer;
    if (transfer !== undefined && (transfer === null || typeof transfer[Symbol.iterator] !== 'function')) {
      throw codeError('Optional transferList argument must be an iterable', 'ERR_INVALID_ARG_TYPE');
    }
  }
  return cloneValue(value, new Map());
}

module.exports = { structuredClone };
