// util.types: what kind of built-in object a value is, by the engine's own
// class (internal:util internalClass), not by its prototype chain — so a
// Map from another realm is a Map, and an object whose prototype is
// Map.prototype is not.
'use strict';

const { internalClass, getProxyDetails } = require('internal:util');

const is = (name) => (value) => internalClass(value) === name;

const typedArrayNames = ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array',
  'Int32Array', 'Uint32Array', 'Float16Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array'];

// %TypedArray%.prototype[@@toStringTag] reads the [[TypedArrayName]] slot: undefined for anything else.
const typedArrayName = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype),
  Symbol.toStringTag).get;

function isTypedArray(value) {
  return typedArrayName.call(value) !== undefined;
}

const types = {
  isAsyncFunction: (value) => {
    const c = internalClass(value);
    return c === 'AsyncFunction' || c === 'AsyncGeneratorFunction';
  },
  isGeneratorFunction: (value) => {
    const c = internalClass(value);
    return c === 'GeneratorFunction' || c === 'AsyncGeneratorFunction';
  },
  isGeneratorObject: is('Generator'),
  isPromise: is('Promise'),
  isMap: is('Map'),
  isSet: is('Set'),
  isWeakMap: is('WeakMap'),
  isWeakSet: is('WeakSet'),
  isMapIterator: is('Map Iterator'),
  isSetIterator: is('Set Iterator'),
  isDate: is('Date'),
  isRegExp: is('RegExp'),
  isNativeError: is('Error'),
  isArgumentsObject: is('Arguments'),
  isModuleNamespaceObject: is('Module'),
  isProxy: (value) => getProxyDetails(value, false) !== undefined,
  isNumberObject: is('Number'),
  isStringObject: is('String'),
  isBooleanObject: is('Boolean'),
  isSymbolObject: is('Symbol'),
  isBigIntObject: is('BigInt'),
  isBoxedPrimitive: (value) => ['Number', 'String', 'Boolean', 'Symbol', 'BigInt'].includes(internalClass(value)),
  isArrayBuffer: is('ArrayBuffer'),
  isSharedArrayBuffer: is('SharedArrayBuffer'),
  isAnyArrayBuffer: (value) => {
    const c = internalClass(value);
    return c === 'ArrayBuffer' || c === 'SharedArrayBuffer';
  },
  isArrayBufferView: (value) => typeof ArrayBuffer === 'function' && ArrayBuffer.isView(value),
  isDataView: is('DataView'),
  isTypedArray,
  isExternal: () => false,
  isWeakRef: is('WeakRef'),
  isKeyObject: (value) => value !== null && typeof value === 'object' && value[Symbol.toStringTag] === 'KeyObject',
  isCryptoKey: (value) => value !== null && typeof value === 'object' && value[Symbol.toStringTag] === 'CryptoKey',
};
for (const name of typedArrayNames) types[`is${name}`] = (value) => typedArrayName.call(value) === name;

module.exports = types;
