// node:util — format, inspect (console.log's formatting), inherits, promisify.
'use strict';
const binding = require('internal:util');

function inspect(value, options) {
  const depth = options && typeof options === 'object' && 'depth' in options
    ? (options.depth === null ? Infinity : options.depth)
    : 2;
  return binding.inspect(value, depth);
}

function format(...args) {
  return binding.format(...args);
}

function inherits(ctor, superCtor) {
  if (typeof ctor !== 'function' || typeof superCtor !== 'function') {
    const err = new TypeError('The "ctor" and "superCtor" arguments must be of type function');
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

function promisify(original) {
  if (typeof original !== 'function') {
    const err = new TypeError('The "original" argument must be of type function');
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  return function promisified(...args) {
    return new Promise((resolve, reject) => {
      original.call(this, ...args, (err, value) => (err ? reject(err) : resolve(value)));
    });
  };
}

function deprecate(fn) {
  return fn;
}

module.exports = { format, inspect, inherits, promisify, deprecate };
