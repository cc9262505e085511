// The experimental iterator-like methods Node 20 gives Readable: map,
// filter, forEach, toArray, some, every, find, reduce, flatMap, drop,
// take, asIndexedPairs. Each consumes the stream as an async iterable; the
// stream-returning ones return a new Readable (Readable.from).
'use strict';

function codes() {
  return require('internal/errors').codes;
}

function validateFn(fn, name = 'fn') {
  if (typeof fn !== 'function') throw new (codes().ERR_INVALID_ARG_TYPE)(name, ['Function', 'AsyncFunction'], fn);
}

function concurrencyOf(options) {
  let concurrency = 1;
  if (options?.concurrency != null) concurrency = Math.floor(options.concurrency);
  require('internal/validators').validateInteger(concurrency, 'options.concurrency', 1);
  return concurrency;
}

function map(fn, options) {
  validateFn(fn);
  concurrencyOf(options);
  const stream = this;
  return require('internal/streams/readable').from(async function* () {
    for await (const value of stream) {
      yield await fn(value, { signal: options?.signal });
    }
  }());
}

function filter(fn, options) {
  validateFn(fn);
  return map.call(this, async (value, opts) => ((await fn(value, opts)) ? value : kEmpty), options)
    .flatMap((v) => (v === kEmpty ? [] : [v]));
}
const kEmpty = Symbol('kEmpty');

function flatMap(fn, options) {
  validateFn(fn);
  const stream = this;
  return require('internal/streams/readable').from(async function* () {
    for await (const value of stream) yield* await fn(value, { signal: options?.signal });
  }());
}

async function forEach(fn, options) {
  validateFn(fn);
  for await (const value of this) await fn(value, { signal: options?.signal });
}

async function toArray(options) {
  const result = [];
  for await (const value of this) result.push(value);
  return result;
}

async function some(fn, options) {
  validateFn(fn);
  for await (const value of this) {
    if (await fn(value, { signal: options?.signal })) return true;
  }
  return false;
}

async function every(fn, options) {
  validateFn(fn);
  for await (const value of this) {
    if (!(await fn(value, { signal: options?.signal }))) return false;
  }
  return true;
}

async function find(fn, options) {
  validateFn(fn);
  for await (const value of this) {
    if (await fn(value, { signal: options?.signal })) return value;
  }
  return undefined;
}

async function reduce(reducer, initialValue, options) {
  validateFn(reducer, 'reducer');
  let hasInitialValue = arguments.length > 1;
  let accumulator = initialValue;
  for await (const value of this) {
    if (!hasInitialValue) {
      accumulator = value;
      hasInitialValue = true;
    } else {
      accumulator = await reducer(accumulator, value, { signal: options?.signal });
    }
  }
  if (!hasInitialValue) {
    const err = new TypeError('Reduce of an empty stream requires an initial value');
    err.code = 'ERR_INVALID_ARGS';
    throw err;
  }
  return accumulator;
}

function toIntegerOrInfinity(number) {
  number = Number(number);
  if (Number.isNaN(number)) return 0;
  if (number < 0) throw new (codes().ERR_OUT_OF_RANGE)('number', '>= 0', number);
  return number;
}

function drop(number, options) {
  number = toIntegerOrInfinity(number);
  const stream = this;
  return require('internal/streams/readable').from(async function* () {
    for await (const value of stream) {
      if (number-- <= 0) yield value;
    }
  }());
}

function take(number, options) {
  number = toIntegerOrInfinity(number);
  const stream = this;
  return require('internal/streams/readable').from(async function* () {
    if (number <= 0) return;
    for await (const value of stream) {
      yield value;
      if (--number <= 0) return;
    }
  }());
}

function asIndexedPairs(options) {
  const stream = this;
  return require('internal/streams/readable').from(async function* () {
    let index = 0;
    for await (const value of stream) yield [index++, value];
  }());
}

module.exports = {
  streamReturningOperators: { asIndexedPairs, drop, filter, flatMap, map, take },
  promiseReturningOperators: { every, forEach, reduce, toArray, some, find },
};
