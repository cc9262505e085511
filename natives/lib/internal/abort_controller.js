// AbortController and AbortSignal (DOM Standard §3.1-3.2): abort(reason),
// signal.aborted / reason / throwIfAborted() / onabort, and the statics
// AbortSignal.abort(reason), AbortSignal.timeout(ms) (its timer does not
// keep the program alive) and AbortSignal.any(signals).
'use strict';

const { Event, EventTarget, defineEventHandler, kTrustEvent } = require('internal/event_target');

function codes() {
  return require('internal/errors').codes;
}
function domException(message, name) {
  const { DOMException } = require('internal/dom_exception');
  return new DOMException(message, name);
}

const kAborted = Symbol('kAborted');
const kReason = Symbol('kReason');
const kSignal = Symbol('signal');
const kDependents = Symbol('kDependents');
const kConstructing = Symbol('kConstructing');

class AbortSignal extends EventTarget {
  constructor(key = undefined) {
    if (key !== kConstructing) throw new (codes().ERR_ILLEGAL_CONSTRUCTOR)();
    super();
    this[kAborted] = false;
    this[kReason] = undefined;
  }

  get aborted() {
    checkSignal(this);
    return this[kAborted];
  }

  get reason() {
    checkSignal(this);
    return this[kReason];
  }

  throwIfAborted() {
    checkSignal(this);
    if (this[kAborted]) throw this[kReason];
  }

  static abort(reason = domException('This operation was aborted', 'AbortError')) {
    const signal = new AbortSignal(kConstructing);
    signal[kAborted] = true;
    signal[kReason] = reason;
    return signal;
  }

  static timeout(delay) {
    require('internal/validators').validateUint32(delay, 'delay', false);
    const signal = new AbortSignal(kConstructing);
    const timer = setTimeout(() => {
      abortSignal(signal, domException('The operation was aborted due to timeout', 'TimeoutError'));
    }, delay);
    timer.unref();
    return signal;
  }

  static any(signals) {
    if (signals === null || typeof signals !== 'object' || typeof signals[Symbol.iterator] !== 'function') {
      throw new (codes().ERR_INVALID_ARG_TYPE)('signals', 'Array', signals);
    }
    const list = [...signals];
    list.forEach((s, i) => {
      if (!(s instanceof AbortSignal)) throw new (codes().ERR_INVALID_ARG_TYPE)(`signals[${i}]`, 'AbortSignal', s);
    });
    const result = new AbortSignal(kConstructing);
    for (const s of list) {
      if (s[kAborted]) {
        result[kAborted] = true;
        result[kReason] = s[kReason];
        return result;
      }
    }
    for (const s of list) {
      if (s[kDependents] === undefined) s[kDependents] = [];
      s[kDependents].push(new WeakRef(result));
    }
    return result;
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (depth < 0) return 'AbortSignal';
    return `AbortSignal ${inspect({ aborted: this[kAborted] }, options)}`;
  }
}

function checkSignal(value) {
  if (value?.[kAborted] === undefined) throw new (codes().ERR_INVALID_THIS)('AbortSignal');
}

// §3.2 signal abort: the reason, then 'abort' at the signal and at the
// signals made from it by AbortSignal.any().
function abortSignal(signal, reason) {
  if (signal[kAborted]) return;
  signal[kAborted] = true;
  signal[kReason] = reason;
  const event = new Event('abort');
  event[kTrustEvent] = true;
  signal.dispatchEvent(event);
  const dependents = signal[kDependents];
  if (dependents !== undefined) {
    signal[kDependents] = undefined;
    for (const ref of dependents) {
      const dependent = ref.deref();
      if (dependent !== undefined) abortSignal(dependent, reason);
    }
  }
}

defineEventHandler(AbortSignal.prototype, 'abort');
for (const key of ['aborted', 'reason', 'throwIfAborted']) {
  const d = Object.getOwnPropertyDescriptor(AbortSignal.prototype, key);
  Object.defineProperty(AbortSignal.prototype, key, { ...d, enumerable: true });
}
Object.defineProperty(AbortSignal.prototype, Symbol.toStringTag, { value: 'AbortSignal', configurable: true });

class AbortController {
  constructor() {
    this[kSignal] = new AbortSignal(kConstructing);
  }

  get signal() {
    checkController(this);
    return this[kSignal];
  }

  abort(reason = domException('This operation was aborted', 'AbortError')) {
    checkController(this);
    abortSignal(this[kSignal], reason);
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (depth < 0) return 'AbortController';
    return `AbortController ${inspect({ signal: this[kSignal] }, options)}`;
  }
}

function checkController(value) {
  if (value?.[kSignal] === undefined) throw new (codes().ERR_INVALID_THIS)('AbortController');
}

for (const key of ['signal', 'abort']) {
  const d = Object.getOwnPropertyDescriptor(AbortController.prototype, key);
  Object.defineProperty(AbortController.prototype, key, { ...d, enumerable: true });
}
Object.defineProperty(AbortController.prototype, Symbol.toStringTag, { value: 'AbortController', configurable: true });

module.exports = { AbortController, AbortSignal, abortSignal };
