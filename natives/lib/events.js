// node:events — EventEmitter: on/once/off/emit/prependListener/listenerCount
// and 'error' semantics (an 'error' with no listener throws). Built into the
// binary; loaded on first require (or when process first gets a listener).
'use strict';

function EventEmitter() {
  EventEmitter.init.call(this);
}
EventEmitter.init = function () {
  if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) {
    this._events = Object.create(null);
    this._eventsCount = 0;
  }
  this._maxListeners = this._maxListeners || undefined;
};
EventEmitter.prototype._events = undefined;
EventEmitter.prototype._eventsCount = 0;
EventEmitter.prototype._maxListeners = undefined;
EventEmitter.defaultMaxListeners = 10;

function checkListener(listener) {
  if (typeof listener !== 'function') {
    const err = new TypeError(`The "listener" argument must be of type function. Received ${listener === null ? 'null' : typeof listener}`);
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
}

function events(target) {
  if (target._events === undefined) {
    target._events = Object.create(null);
    target._eventsCount = 0;
  }
  return target._events;
}

function addListener(target, type, listener, prepend) {
  checkListener(listener);
  const all = events(target);
  if (all.newListener !== undefined) target.emit('newListener', type, listener.listener ? listener.listener : listener);
  const existing = all[type];
  if (existing === undefined) {
    all[type] = [listener];
    target._eventsCount++;
  } else if (prepend) {
    existing.unshift(listener);
  } else {
    existing.push(listener);
  }
  return target;
}

EventEmitter.prototype.setMaxListeners = function setMaxListeners(n) { this._maxListeners = n; return this; };
EventEmitter.prototype.getMaxListeners = function getMaxListeners() {
  return this._maxListeners === undefined ? EventEmitter.defaultMaxListeners : this._maxListeners;
};

EventEmitter.prototype.emit = function emit(type, ...args) {
  const all = this._events;
  const handlers = all !== undefined ? all[type] : undefined;
  if (type === 'error' && handlers === undefined) {
    const er = args[0];
    if (er instanceof Error) throw er;
    const err = new Error('Unhandled error.' + (er === undefined ? '' : ` (${String(er)})`));
    err.context = er;
    err.code = 'ERR_UNHANDLED_ERROR';
    throw err;
  }
  if (handlers === undefined) return false;
  for (const handler of handlers.slice()) handler.apply(this, args);
  return true;
};

EventEmitter.prototype.addListener = function addListener_(type, listener) { return addListener(this, type, listener, false); };
EventEmitter.prototype.on = EventEmitter.prototype.addListener;
EventEmitter.prototype.prependListener = function prependListener(type, listener) { return addListener(this, type, listener, true); };

function onceWrapper(target, type, listener) {
  const state = { fired: false };
  function wrapper(...args) {
    if (state.fired) return undefined;
    state.fired = true;
    target.removeListener(type, wrapper);
    return listener.apply(target, args);
  }
  wrapper.listener = listener;
  return wrapper;
}
EventEmitter.prototype.once = function once(type, listener) {
  checkListener(listener);
  return this.on(type, onceWrapper(this, type, listener));
};
EventEmitter.prototype.prependOnceListener = function prependOnceListener(type, listener) {
  checkListener(listener);
  return this.prependListener(type, onceWrapper(this, type, listener));
};

EventEmitter.prototype.removeListener = function removeListener(type, listener) {
  checkListener(listener);
  const all = this._events;
  if (all === undefined || all[type] === undefined) return this;
  const list = all[type];
  for (let i = list.length - 1; i >= 0; i--) {
    if (list[i] === listener || list[i].listener === listener) {
      list.splice(i, 1);
      if (list.length === 0) {
        delete all[type];
        this._eventsCount--;
      }
      if (all.removeListener !== undefined) this.emit('removeListener', type, listener);
      break;
    }
  }
  return this;
};
EventEmitter.prototype.off = EventEmitter.prototype.removeListener;

EventEmitter.prototype.removeAllListeners = function removeAllListeners(type) {
  const all = this._events;
  if (all === undefined) return this;
  if (type === undefined) {
    this._events = Object.create(null);
    this._eventsCount = 0;
  } else if (all[type] !== undefined) {
    delete all[type];
    this._eventsCount--;
  }
  return this;
};

EventEmitter.prototype.listeners = function listeners(type) {
  const list = this._events !== undefined ? this._events[type] : undefined;
  return list === undefined ? [] : list.map((l) => l.listener || l);
};
EventEmitter.prototype.rawListeners = function rawListeners(type) {
  const list = this._events !== undefined ? this._events[type] : undefined;
  return list === undefined ? [] : list.slice();
};
EventEmitter.prototype.listenerCount = function listenerCount(type) {
  const list = this._events !== undefined ? this._events[type] : undefined;
  return list === undefined ? 0 : list.length;
};
EventEmitter.prototype.eventNames = function eventNames() {
  return this._events === undefined ? [] : Reflect.ownKeys(this._events);
};

EventEmitter.once = function once(emitter, name) {
  return new Promise((resolve, reject) => {
    const onError = (err) => { emitter.removeListener(name, onEvent); reject(err); };
    const onEvent = (...args) => { if (name !== 'error') emitter.removeListener('error', onError); resolve(args); };
    emitter.once(name, onEvent);
    if (name !== 'error') emitter.once('error', onError);
  });
};

EventEmitter.EventEmitter = EventEmitter;
module.exports = EventEmitter;
