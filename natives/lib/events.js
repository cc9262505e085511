// node:events — EventEmitter as Node 20 has it: listeners kept the way Node
// keeps them (one listener as the function itself, several as an array, in
// `_events`, a null-prototype object), 'newListener' / 'removeListener',
// 'error' with no listener throws, errorMonitor, the max-listeners leak
// warning, captureRejections, and the statics once(), on() (an async
// iterator), getEventListeners(), setMaxListeners(), listenerCount(),
// addAbortListener(). EventTarget and Event are lib/internal/event_target.js
// (also reachable from here, as in Node).
'use strict';

function codes() {
  return require('internal/errors').codes;
}
function inspect(value, options) {
  return require('internal/util/inspect').inspect(value, options);
}

const kCapture = Symbol('kCapture');
const kShapeMode = Symbol('shapeMode');
const kErrorMonitor = Symbol('events.errorMonitor');
const kRejection = Symbol.for('nodejs.rejection');
const kMaxEventTargetListeners = Symbol('events.maxEventTargetListeners');
const kMaxEventTargetListenersWarned = Symbol('events.maxEventTargetListenersWarned');

let defaultMaxListeners = 10;

function checkListener(listener) {
  if (typeof listener !== 'function') throw new (codes().ERR_INVALID_ARG_TYPE)('listener', 'Function', listener);
}

function EventEmitter(opts) {
  EventEmitter.init.call(this, opts);
}

EventEmitter.prototype._events = undefined;
EventEmitter.prototype._eventsCount = 0;
EventEmitter.prototype._maxListeners = undefined;

EventEmitter.init = function init(opts) {
  if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) {
    this._events = { __proto__: null };
    this._eventsCount = 0;
    this[kShapeMode] = false;
  } else {
    this[kShapeMode] = true;
  }
  this._maxListeners = this._maxListeners || undefined;
  if (opts?.captureRejections) {
    if (typeof opts.captureRejections !== 'boolean') {
      throw new (codes().ERR_INVALID_ARG_TYPE)('options.captureRejections', 'boolean', opts.captureRejections);
    }
    this[kCapture] = Boolean(opts.captureRejections);
  } else {
    this[kCapture] = EventEmitter.prototype[kCapture];
  }
};

EventEmitter.prototype[kCapture] = false;

Object.defineProperty(EventEmitter, 'captureRejections', {
  get() {
    return EventEmitter.prototype[kCapture];
  },
  set(value) {
    if (typeof value !== 'boolean') throw new (codes().ERR_INVALID_ARG_TYPE)('EventEmitter.captureRejections', 'boolean', value);
    EventEmitter.prototype[kCapture] = value;
  },
  enumerable: true,
  configurable: true,
});

Object.defineProperty(EventEmitter, 'defaultMaxListeners', {
  enumerable: true,
  configurable: true,
  get() {
    return defaultMaxListeners;
  },
  set(arg) {
    if (typeof arg !== 'number' || arg < 0 || Number.isNaN(arg)) {
      throw new (codes().ERR_OUT_OF_RANGE)('defaultMaxListeners', 'a non-negative number', arg);
    }
    defaultMaxListeners = arg;
  },
});

function validateMax(n, name) {
  if (typeof n !== 'number' || n < 0 || Number.isNaN(n)) {
    throw new (codes().ERR_OUT_OF_RANGE)(name, 'a non-negative number', n);
  }
}

EventEmitter.prototype.setMaxListeners = function setMaxListeners(n) {
  validateMax(n, 'n');
  this._maxListeners = n;
  return this;
};

function getMaxListeners(that) {
  if (that._maxListeners === undefined) return defaultMaxListeners;
  return that._maxListeners;
}

EventEmitter.prototype.getMaxListeners = function getMaxListeners_() {
  return getMaxListeners(this);
};

// A promise a listener returned that rejects: with captureRejections, the
// rejection is emitted as 'error' (or handed to [Symbol.for('nodejs.rejection')]).
function addCatch(that, promise, type, args) {
  if (!that[kCapture]) return;
  try {
    const then = promise.then;
    if (typeof then === 'function') {
      then.call(promise, undefined, (err) => process.nextTick(emitUnhandledRejectionOrErr, that, err, type, args));
    }
  } catch (err) {
    that.emit('error', err);
  }
}

function emitUnhandledRejectionOrErr(ee, err, type, args) {
  if (typeof ee[kRejection] === 'function') {
    ee[kRejection](err, type, ...args);
  } else {
    const prev = ee[kCapture];
    try {
      ee[kCapture] = false;
      ee.emit('error', err);
    } finally {
      ee[kCapture] = prev;
    }
  }
}

EventEmitter.prototype.emit = function emit(type, ...args) {
  let doError = type === 'error';
  const events = this._events;
  if (events !== undefined) {
    if (doError && events[kErrorMonitor] !== undefined) this.emit(kErrorMonitor, ...args);
    doError = doError && events.error === undefined;
  } else if (!doError) {
    return false;
  }
  if (doError) {
    let er;
    if (args.length > 0) er = args[0];
    if (er instanceof Error) throw er;  // Unhandled 'error' event
    let stringifiedEr;
    try {
      stringifiedEr = inspect(er);
    } catch {
      stringifiedEr = er;
    }
    const err = new (codes().ERR_UNHANDLED_ERROR)(stringifiedEr);
    err.context = er;
    throw err;
  }
  const handler = events[type];
  if (handler === undefined) return false;
  if (typeof handler === 'function') {
    const result = handler.apply(this, args);
    if (result !== undefined && result !== null) addCatch(this, result, type, args);
  } else {
    const listeners = handler.slice();
    for (let i = 0; i < listeners.length; ++i) {
      const result = listeners[i].apply(this, args);
      if (result !== undefined && result !== null) addCatch(this, result, type, args);
    }
  }
  return true;
};

function addListener(target, type, listener, prepend) {
  checkListener(listener);
  let events = target._events;
  let existing;
  if (events === undefined) {
    events = target._events = { __proto__: null };
    target._eventsCount = 0;
  } else {
    if (events.newListener !== undefined) {
      target.emit('newListener', type, listener.listener ?? listener);
      events = target._events;
    }
    existing = events[type];
  }
  if (existing === undefined) {
    events[type] = listener;
    ++target._eventsCount;
  } else {
    if (typeof existing === 'function') {
      existing = events[type] = prepend ? [listener, existing] : [existing, listener];
    } else if (prepend) {
      existing.unshift(listener);
    } else {
      existing.push(listener);
    }
    const m = getMaxListeners(target);
    if (m > 0 && existing.length > m && !existing.warned) {
      existing.warned = true;
      const name = target.constructor?.name || 'EventEmitter';
      const w = new Error('Possible EventEmitter memory leak detected. ' +
        `${existing.length} ${String(type)} listeners ` +
        `added to ${inspect(target, { depth: -1 })}. MaxListeners is ${m}. Use emitter.setMaxListeners() to increase limit`);
      w.name = 'MaxListenersExceededWarning';
      w.emitter = target;
      w.type = type;
      w.count = existing.length;
      void name;
      process.emitWarning(w);
    }
  }
  return target;
}

EventEmitter.prototype.addListener = function addListener_(type, listener) {
  return addListener(this, type, listener, false);
};
EventEmitter.prototype.on = EventEmitter.prototype.addListener;
EventEmitter.prototype.prependListener = function prependListener(type, listener) {
  return addListener(this, type, listener, true);
};

function onceWrapper() {
  if (!this.fired) {
    this.target.removeListener(this.type, this.wrapFn);
    this.fired = true;
    if (arguments.length === 0) return this.listener.call(this.target);
    return this.listener.apply(this.target, arguments);
  }
}

function onceWrap(target, type, listener) {
  const state = { fired: false, wrapFn: undefined, target, type, listener };
  const wrapped = onceWrapper.bind(state);
  wrapped.listener = listener;
  state.wrapFn = wrapped;
  return wrapped;
}

EventEmitter.prototype.once = function once(type, listener) {
  checkListener(listener);
  this.on(type, onceWrap(this, type, listener));
  return this;
};

EventEmitter.prototype.prependOnceListener = function prependOnceListener(type, listener) {
  checkListener(listener);
  this.prependListener(type, onceWrap(this, type, listener));
  return this;
};

EventEmitter.prototype.removeListener = function removeListener(type, listener) {
  checkListener(listener);
  const events = this._events;
  if (events === undefined) return this;
  const list = events[type];
  if (list === undefined) return this;
  if (list === listener || list.listener === listener) {
    this._eventsCount -= 1;
    if (this[kShapeMode]) events[type] = undefined;
    else if (this._eventsCount === 0) this._events = { __proto__: null };
    else delete events[type];
    if (events.removeListener) this.emit('removeListener', type, list.listener || listener);
  } else if (typeof list !== 'function') {
    let position = -1;
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i] === listener || list[i].listener === listener) {
        position = i;
        break;
      }
    }
    if (position < 0) return this;
    if (position === 0) list.shift();
    else list.splice(position, 1);
    if (list.length === 1) events[type] = list[0];
    if (events.removeListener !== undefined) this.emit('removeListener', type, listener);
  }
  return this;
};
EventEmitter.prototype.off = EventEmitter.prototype.removeListener;

EventEmitter.prototype.removeAllListeners = function removeAllListeners(type) {
  const events = this._events;
  if (events === undefined) return this;
  // Without 'removeListener' listeners there is nobody to tell.
  if (events.removeListener === undefined) {
    if (arguments.length === 0) {
      this._events = { __proto__: null };
      this._eventsCount = 0;
    } else if (events[type] !== undefined) {
      if (--this._eventsCount === 0) this._events = { __proto__: null };
      else delete events[type];
    }
    this[kShapeMode] = false;
    return this;
  }
  if (arguments.length === 0) {
    for (const key of Reflect.ownKeys(events)) {
      if (key === 'removeListener') continue;
      this.removeAllListeners(key);
    }
    this.removeAllListeners('removeListener');
    this._events = { __proto__: null };
    this._eventsCount = 0;
    this[kShapeMode] = false;
    return this;
  }
  const listeners = events[type];
  if (typeof listeners === 'function') {
    this.removeListener(type, listeners);
  } else if (listeners !== undefined) {
    for (let i = listeners.length - 1; i >= 0; i--) this.removeListener(type, listeners[i]);
  }
  return this;
};

function listenersOf(target, type, unwrap) {
  const events = target._events;
  if (events === undefined) return [];
  const listener = events[type];
  if (listener === undefined) return [];
  if (typeof listener === 'function') return unwrap ? [listener.listener || listener] : [listener];
  return unwrap ? listener.map((l) => l.listener || l) : listener.slice();
}

EventEmitter.prototype.listeners = function listeners(type) {
  return listenersOf(this, type, true);
};
EventEmitter.prototype.rawListeners = function rawListeners(type) {
  return listenersOf(this, type, false);
};

function listenerCount(type, listener) {
  const events = this._events;
  if (events !== undefined) {
    const evlistener = events[type];
    if (typeof evlistener === 'function') {
      if (listener != null) return listener === evlistener || listener === evlistener.listener ? 1 : 0;
      return 1;
    } else if (evlistener !== undefined) {
      if (listener != null) {
        let matching = 0;
        for (const l of evlistener) if (l === listener || l.listener === listener) matching++;
        return matching;
      }
      return evlistener.length;
    }
  }
  return 0;
}
EventEmitter.prototype.listenerCount = listenerCount;

EventEmitter.listenerCount = function(emitter, type) {
  if (typeof emitter.listenerCount === 'function') return emitter.listenerCount(type);
  return listenerCount.call(emitter, type);
};

EventEmitter.prototype.eventNames = function eventNames() {
  return this._eventsCount > 0 ? Reflect.ownKeys(this._events) : [];
};

// ---- statics -----------------------------------------------------------------

function isEventTarget(emitter) {
  return typeof emitter?.addEventListener === 'function';
}

function abortError(signal) {
  const { AbortError } = require('internal/errors');
  return new AbortError(undefined, { cause: signal?.reason });
}

// events.once(emitter, name[, { signal }]): a promise of the next event's arguments.
// (An async function, as Node's: its promise settles a few jobs later than
// the inner one, and programs observe that order.)
async function once(emitter, name, options = {}) {
  const signal = options?.signal;
  if (signal !== undefined) require('internal/validators').validateAbortSignal(signal, 'options.signal');
  if (signal?.aborted) throw abortError(signal);
  return new Promise((resolve, reject) => {
    const errorListener = (err) => {
      emitter.removeListener(name, resolver);
      if (signal != null) signal.removeEventListener('abort', abortListener);
      reject(err);
    };
    const resolver = (...args) => {
      if (typeof emitter.removeListener === 'function') emitter.removeListener('error', errorListener);
      if (signal != null) signal.removeEventListener('abort', abortListener);
      resolve(args);
    };
    if (isEventTarget(emitter)) {
      emitter.addEventListener(name, resolver, { once: true });
    } else {
      emitter.once(name, resolver);
      if (name !== 'error' && typeof emitter.once === 'function') emitter.once('error', errorListener);
    }
    function abortListener() {
      if (isEventTarget(emitter)) emitter.removeEventListener(name, resolver);
      else {
        emitter.removeListener(name, resolver);
        emitter.removeListener('error', errorListener);
      }
      reject(abortError(signal));
    }
    if (signal != null) signal.addEventListener('abort', abortListener, { once: true });
  });
}

// events.on(emitter, name[, options]): an async iterator of the events' arguments.
function on(emitter, event, options = {}) {
  const signal = options?.signal;
  if (signal !== undefined) require('internal/validators').validateAbortSignal(signal, 'options.signal');
  if (signal?.aborted) throw abortError(signal);
  const unconsumedEvents = [];
  const unconsumedPromises = [];
  let error = null;
  let finished = false;
  const closeEvents = options?.close;

  const iterator = Object.setPrototypeOf({
    next() {
      const value = unconsumedEvents.shift();
      if (value) return Promise.resolve({ value, done: false });
      if (error) {
        const p = Promise.reject(error);
        error = null;
        return p;
      }
      if (finished) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve, reject) => unconsumedPromises.push({ resolve, reject }));
    },
    return() {
      cleanup();
      finished = true;
      for (const promise of unconsumedPromises) promise.resolve({ value: undefined, done: true });
      return Promise.resolve({ value: undefined, done: true });
    },
    throw(err) {
      if (!err || !(err instanceof Error)) throw new (codes().ERR_INVALID_ARG_TYPE)('EventEmitter.AsyncIterator', 'Error', err);
      error = err;
      cleanup();
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  }, Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}).prototype));

  const add = (name, fn) => {
    if (isEventTarget(emitter)) emitter.addEventListener(name, fn);
    else emitter.on(name, fn);
  };
  const remove = (name, fn) => {
    if (isEventTarget(emitter)) emitter.removeEventListener(name, fn);
    else emitter.removeListener(name, fn);
  };
  function eventHandler(...args) {
    const promise = unconsumedPromises.shift();
    if (promise) promise.resolve({ value: args, done: false });
    else unconsumedEvents.push(args);
  }
  function errorHandler(err) {
    finished = true;
    const toError = unconsumedPromises.shift();
    if (toError) toError.reject(err);
    else error = err;
    iterator.return();
  }
  function closeHandler() {
    finished = true;
    cleanup();
    for (const promise of unconsumedPromises) promise.resolve({ value: undefined, done: true });
  }
  function abortListener() {
    errorHandler(abortError(signal));
  }
  function cleanup() {
    remove(event, eventHandler);
    if (event !== 'error') remove('error', errorHandler);
    if (closeEvents) for (const name of closeEvents) remove(name, closeHandler);
    if (signal) signal.removeEventListener('abort', abortListener);
  }
  add(event, eventHandler);
  if (event !== 'error' && !isEventTarget(emitter)) add('error', errorHandler);
  if (closeEvents) for (const name of closeEvents) add(name, closeHandler);
  if (signal) signal.addEventListener('abort', abortListener, { once: true });
  return iterator;
}

function getEventListeners(emitterOrTarget, type) {
  if (typeof emitterOrTarget.listeners === 'function') return emitterOrTarget.listeners(type);
  if (isEventTarget(emitterOrTarget)) return require('internal/event_target').getListeners(emitterOrTarget, type);
  throw new (codes().ERR_INVALID_ARG_TYPE)('emitter', ['EventEmitter', 'EventTarget'], emitterOrTarget);
}

function getMaxListenersStatic(emitterOrTarget) {
  if (typeof emitterOrTarget?.getMaxListeners === 'function') return getMaxListeners(emitterOrTarget);
  if (emitterOrTarget?.[kMaxEventTargetListeners] !== undefined) return emitterOrTarget[kMaxEventTargetListeners];
  throw new (codes().ERR_INVALID_ARG_TYPE)('emitter', ['EventEmitter', 'EventTarget'], emitterOrTarget);
}

function setMaxListeners(n = defaultMaxListeners, ...eventTargets) {
  validateMax(n, 'n');
  if (eventTargets.length === 0) {
    defaultMaxListeners = n;
  } else {
    for (const target of eventTargets) {
      if (isEventTarget(target) && typeof target.setMaxListeners !== 'function') {
        target[kMaxEventTargetListeners] = n;
        target[kMaxEventTargetListenersWarned] = false;
      } else if (typeof target.setMaxListeners === 'function') {
        target.setMaxListeners(n);
      } else {
        throw new (codes().ERR_INVALID_ARG_TYPE)('eventTargets', ['EventEmitter', 'EventTarget'], target);
      }
    }
  }
}

function addAbortListener(signal, listener) {
  if (signal === undefined) throw new (codes().ERR_INVALID_ARG_TYPE)('signal', 'AbortSignal', signal);
  require('internal/validators').validateAbortSignal(signal, 'signal');
  require('internal/validators').validateFunction(listener, 'listener');
  let removeEventListener;
  if (signal.aborted) {
    queueMicrotask(() => listener());
  } else {
    signal.addEventListener('abort', listener, { once: true });
    removeEventListener = () => signal.removeEventListener('abort', listener);
  }
  return {
    __proto__: null,
    [Symbol.dispose ?? Symbol.for('nodejs.dispose')]() {
      removeEventListener?.();
    },
  };
}

class EventEmitterAsyncResource extends EventEmitter {
  constructor(options = undefined) {
    super(options);
  }
  emitDestroy() {}
  get asyncId() {
    return 0;
  }
  get triggerAsyncId() {
    return 0;
  }
}

// The statics, in the order Node defines them (Object.keys shows it).
{
  const captureRejections = Object.getOwnPropertyDescriptor(EventEmitter, 'captureRejections');
  const defaultMax = Object.getOwnPropertyDescriptor(EventEmitter, 'defaultMaxListeners');
  const { init } = EventEmitter;
  const staticListenerCount = EventEmitter.listenerCount;
  for (const key of ['captureRejections', 'defaultMaxListeners', 'init', 'listenerCount']) delete EventEmitter[key];
  const data = (value) => ({ value, writable: true, enumerable: true, configurable: true });
  Object.defineProperties(EventEmitter, {
    addAbortListener: data(addAbortListener),
    once: data(once),
    on: data(on),
    getEventListeners: data(getEventListeners),
    getMaxListeners: data(getMaxListenersStatic),
    EventEmitter: data(EventEmitter),
    usingDomains: data(false),
    captureRejectionSymbol: data(kRejection),
    captureRejections: { ...captureRejections, configurable: true },
    EventEmitterAsyncResource: { get: () => EventEmitterAsyncResource, enumerable: true, configurable: true },
    errorMonitor: data(kErrorMonitor),
    defaultMaxListeners: { ...defaultMax, configurable: true },
    kMaxEventTargetListeners: { value: kMaxEventTargetListeners, enumerable: false },
    kMaxEventTargetListenersWarned: { value: kMaxEventTargetListenersWarned, enumerable: false },
    setMaxListeners: data(setMaxListeners),
    init: data(init),
    listenerCount: data(staticListenerCount),
  });
}

module.exports = EventEmitter;
