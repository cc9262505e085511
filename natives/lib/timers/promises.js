// node:timers/promises — setTimeout, setImmediate (promises) and
// setInterval (an async iterator), with AbortSignal and ref options as
// Node's; scheduler.wait and scheduler.yield.
'use strict';

const { validateAbortSignal, validateBoolean, validateObject } = require('internal/validators');

function codes() {
  return require('internal/errors').codes;
}

function abortError(signal) {
  const { AbortError } = require('internal/errors');
  return new AbortError(undefined, { cause: signal?.reason });
}

function checkOptions(options) {
  validateObject(options, 'options');
  const { signal, ref = true } = options;
  validateAbortSignal(signal, 'options.signal');
  validateBoolean(ref, 'options.ref');
  return { signal, ref };
}

function setTimeoutPromise(after, value, options = {}) {
  try {
    if (typeof after !== 'undefined') require('internal/validators').validateNumber(after, 'delay');
    var { signal, ref } = checkOptions(options);
  } catch (err) {
    return Promise.reject(err);
  }
  if (signal?.aborted) return Promise.reject(abortError(signal));
  let onCancel;
  const promise = new Promise((resolve, reject) => {
    const timeout = setTimeout(() => {
      if (signal) signal.removeEventListener('abort', onCancel);
      resolve(value);
    }, after);
    if (!ref) timeout.unref();
    if (signal) {
      onCancel = () => {
        clearTimeout(timeout);
        reject(abortError(signal));
      };
      signal.addEventListener('abort', onCancel, { once: true });
    }
  });
  return promise;
}

function setImmediatePromise(value, options = {}) {
  try {
    var { signal, ref } = checkOptions(options);
  } catch (err) {
    return Promise.reject(err);
  }
  if (signal?.aborted) return Promise.reject(abortError(signal));
  let onCancel;
  return new Promise((resolve, reject) => {
    const immediate = setImmediate(() => {
      if (signal) signal.removeEventListener('abort', onCancel);
      resolve(value);
    });
    if (!ref) immediate.unref();
    if (signal) {
      onCancel = () => {
        clearImmediate(immediate);
        reject(abortError(signal));
      };
      signal.addEventListener('abort', onCancel, { once: true });
    }
  });
}

async function* setIntervalAsync(after, value, options = {}) {
  const { signal, ref } = checkOptions(options);
  if (typeof after !== 'undefined') require('internal/validators').validateNumber(after, 'delay');
  if (signal?.aborted) throw abortError(signal);
  let onCancel;
  let interval;
  try {
    let notYielded = 0;
    let callback;
    interval = setInterval(() => {
      notYielded++;
      if (callback) {
        callback();
        callback = undefined;
      }
    }, after);
    if (!ref) interval.unref();
    if (signal) {
      onCancel = () => {
        clearInterval(interval);
        if (callback) {
          callback();
          callback = undefined;
        }
      };
      signal.addEventListener('abort', onCancel, { once: true });
    }
    while (!signal?.aborted) {
      if (notYielded === 0) await new Promise((resolve) => (callback = resolve));
      for (; notYielded > 0; notYielded--) yield value;
    }
    throw abortError(signal);
  } finally {
    clearInterval(interval);
    signal?.removeEventListener('abort', onCancel);
  }
}

const scheduler = {
  wait(delay, options) {
    return setTimeoutPromise(delay, undefined, options);
  },
  yield() {
    return setImmediatePromise();
  },
};
void codes;

module.exports = {
  setTimeout: setTimeoutPromise,
  setImmediate: setImmediatePromise,
  setInterval: setIntervalAsync,
  scheduler,
};
