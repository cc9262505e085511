// Event and EventTarget (DOM Standard §2), as Node has them: a target
// without a tree, so dispatching runs the target's own listeners — capture
// listeners first, then the others — in the order they were added.
//
// Listener options: capture, once, passive (preventDefault is ignored),
// signal (an AbortSignal that removes the listener). A callback is a
// function or an object with handleEvent. A listener that throws does not
// stop the others: its error is reported as uncaught on the next tick, as
// Node does.
'use strict';

function codes() {
  return require('internal/errors').codes;
}
function domException(message, name) {
  const { DOMException } = require('internal/dom_exception');
  return new DOMException(message, name);
}

const kStop = Symbol('kStop');
const kTarget = Symbol('kTarget');
const kIsBeingDispatched = Symbol('kIsBeingDispatched');
const kEvents = Symbol('kEvents');
const kTrustEvent = Symbol('kTrustEvent');
const kTimestamp = Symbol('kTimestamp');
const kInit = Symbol('kInit');
const kHandlers = Symbol('kHandlers');
const kWeakHandler = Symbol('kWeak');

const NONE = 0;
const CAPTURING_PHASE = 1;
const AT_TARGET = 2;
const BUBBLING_PHASE = 3;

function now() {
  return require('internal:process').hrtimeMs() - startTime;
}
const startTime = require('internal:process').hrtimeMs();

function isEvent(value) {
  return value?.[kInit] !== undefined;
}

class Event {
  // §2.2 new Event(type, eventInitDict)
  constructor(type, options = undefined) {
    if (arguments.length === 0) throw new (codes().ERR_MISSING_ARGS)('type');
    if (options !== undefined && options !== null && typeof options !== 'object' && typeof options !== 'function') {
      throw new TypeError("The \"options\" argument must be of type object.");
    }
    const bubbles = Boolean(options?.bubbles);
    const cancelable = Boolean(options?.cancelable);
    const composed = Boolean(options?.composed);
    this[kInit] = {
      type: `${type}`, bubbles, cancelable, composed,
      defaultPrevented: false, stop: false, stopImmediate: false, target: null, currentTarget: null,
      phase: NONE, dispatching: false, passive: false, initialized: true,
    };
    this[kTimestamp] = now();
    // isTrusted is an own, unforgeable getter (DOM §2.2).
    Object.defineProperty(this, 'isTrusted', { get: isTrustedGetter, enumerable: true, configurable: false });
  }

  // §2.2 initEvent (legacy): re-initializes an event not being dispatched.
  initEvent(type, bubbles = false, cancelable = false) {
    if (arguments.length === 0) throw new (codes().ERR_MISSING_ARGS)('type');
    const s = state(this);
    if (s.dispatching) return;
    s.type = `${type}`;
    s.bubbles = Boolean(bubbles);
    s.cancelable = Boolean(cancelable);
    s.defaultPrevented = false;
    s.stop = false;
    s.stopImmediate = false;
    s.target = null;
  }

  get type() {
    return state(this).type;
  }
  get target() {
    return state(this).target;
  }
  get currentTarget() {
    return state(this).currentTarget;
  }
  get srcElement() {
    return state(this).target;
  }
  get eventPhase() {
    return state(this).phase;
  }
  get bubbles() {
    return state(this).bubbles;
  }
  get cancelable() {
    return state(this).cancelable;
  }
  get composed() {
    return state(this).composed;
  }
  get defaultPrevented() {
    const s = state(this);
    return s.cancelable && s.defaultPrevented;
  }
  get timeStamp() {
    state(this);
    return this[kTimestamp];
  }
  get returnValue() {
    return !this.defaultPrevented;
  }
  set returnValue(value) {
    if (!value) this.preventDefault();
  }
  get cancelBubble() {
    return state(this).stop;
  }
  set cancelBubble(value) {
    if (value) state(this).stop = true;
  }

  composedPath() {
    const s = state(this);
    return s.dispatching && s.currentTarget !== null ? [s.currentTarget] : [];
  }
  stopPropagation() {
    state(this).stop = true;
  }
  stopImmediatePropagation() {
    const s = state(this);
    s.stop = true;
    s.stopImmediate = true;
  }
  preventDefault() {
    const s = state(this);
    if (s.cancelable && !s.passive) s.defaultPrevented = true;
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    const name = this.constructor.name;
    if (depth < 0) return name;
    const s = state(this);
    return `${name} ${inspect({
      type: s.type, defaultPrevented: this.defaultPrevented, cancelable: s.cancelable, timeStamp: this[kTimestamp],
    }, { ...options, depth: options.depth === null ? null : options.depth - 1 })}`;
  }
}

function isTrustedGetter() {
  return isEvent(this) && this[kTrustEvent] === true;
}

function state(event) {
  const s = event?.[kInit];
  if (s === undefined) throw new (codes().ERR_INVALID_THIS)('Event');
  return s;
}

for (const [name, value] of [['NONE', NONE], ['CAPTURING_PHASE', CAPTURING_PHASE], ['AT_TARGET', AT_TARGET],
  ['BUBBLING_PHASE', BUBBLING_PHASE]]) {
  const desc = { value, writable: false, enumerable: true, configurable: false };
  Object.defineProperty(Event, name, desc);
  Object.defineProperty(Event.prototype, name, desc);
}
for (const key of ['type', 'target', 'currentTarget', 'srcElement', 'eventPhase', 'bubbles', 'cancelable', 'composed',
  'defaultPrevented', 'timeStamp', 'returnValue', 'cancelBubble', 'composedPath', 'stopPropagation',
  'stopImmediatePropagation', 'preventDefault', 'initEvent']) {
  const d = Object.getOwnPropertyDescriptor(Event.prototype, key);
  Object.defineProperty(Event.prototype, key, { ...d, enumerable: true });
}
Object.defineProperty(Event.prototype, Symbol.toStringTag, { value: 'Event', writable: false, enumerable: false, configurable: true });

class CustomEvent extends Event {
  constructor(type, options = undefined) {
    if (arguments.length === 0) throw new (codes().ERR_MISSING_ARGS)('type');
    super(type, options);
    this[kDetail] = options?.detail ?? null;
  }
  get detail() {
    state(this);
    return this[kDetail];
  }
}
const kDetail = Symbol('detail');
Object.defineProperty(CustomEvent.prototype, Symbol.toStringTag, { value: 'CustomEvent', configurable: true });
Object.defineProperty(CustomEvent.prototype, 'detail', { ...Object.getOwnPropertyDescriptor(CustomEvent.prototype, 'detail'), enumerable: true });

// ---- EventTarget -------------------------------------------------------------

// addEventListener's third argument: a boolean (capture) or an options dictionary.
function flattenOptions(options) {
  if (typeof options === 'boolean') return { capture: options, once: false, passive: undefined, signal: undefined };
  if (options === null || options === undefined || (typeof options !== 'object' && typeof options !== 'function')) {
    return { capture: false, once: false, passive: undefined, signal: undefined };
  }
  return {
    capture: Boolean(options.capture),
    once: Boolean(options.once),
    passive: options.passive === undefined ? undefined : Boolean(options.passive),
    signal: options.signal,
  };
}

class EventTarget {
  constructor() {
    this[kEvents] = new Map();  // type -> list of {callback, capture, once, passive, removed}
  }

  // §2.7.3 addEventListener(type, callback, options)
  addEventListener(type, listener, options = undefined) {
    checkThis(this);
    if (arguments.length < 2) throw new (codes().ERR_MISSING_ARGS)('type', 'listener');
    const { capture, once, passive, signal } = flattenOptions(options);
    if (signal !== undefined) {
      if (signal === null || typeof signal !== 'object' || !('aborted' in signal)) {
        throw new (codes().ERR_INVALID_ARG_TYPE)('options.signal', 'AbortSignal', signal);
      }
    }
    if (listener === null || listener === undefined) return;
    if (typeof listener !== 'function' && (typeof listener !== 'object')) {
      throw new (codes().ERR_INVALID_ARG_TYPE)('listener', 'EventListener', listener);
    }
    if (signal?.aborted) return;
    type = `${type}`;
    let list = this[kEvents].get(type);
    if (list === undefined) {
      list = [];
      this[kEvents].set(type, list);
    }
    for (const entry of list) {
      if (entry.callback === listener && entry.capture === capture && !entry.removed) return;
    }
    const entry = { callback: listener, capture, once, passive: Boolean(passive), removed: false };
    list.push(entry);
    if (signal !== undefined) {
      signal.addEventListener('abort', () => this.removeEventListener(type, listener, { capture }), { once: true });
    }
    this[kNewListener]?.(type, listener, once, capture, passive);
  }

  // §2.7.3 removeEventListener(type, callback, options)
  removeEventListener(type, listener, options = undefined) {
    checkThis(this);
    if (arguments.length < 2) throw new (codes().ERR_MISSING_ARGS)('type', 'listener');
    const capture = typeof options === 'boolean' ? options : Boolean(options?.capture);
    type = `${type}`;
    const list = this[kEvents].get(type);
    if (list === undefined) return;
    for (let i = 0; i < list.length; i++) {
      const entry = list[i];
      if (entry.callback === listener && entry.capture === capture && !entry.removed) {
        entry.removed = true;
        list.splice(i, 1);
        if (list.length === 0) this[kEvents].delete(type);
        this[kRemoveListener]?.(type, listener, capture);
        return;
      }
    }
  }

  // §2.9 dispatchEvent(event): true unless a listener canceled it.
  dispatchEvent(event) {
    checkThis(this);
    if (!isEvent(event)) throw new (codes().ERR_INVALID_ARG_TYPE)('event', 'Event', event);
    const s = event[kInit];
    if (s.dispatching) throw domException('The event is already being dispatched', 'InvalidStateError');
    s.dispatching = true;
    s.target = this;
    s.currentTarget = this;
    s.phase = AT_TARGET;
    try {
      // Capture listeners first, then the others (DOM's AT_TARGET order), on
      // the list as it is now: listeners added meanwhile wait for the next event.
      const list = this[kEvents].get(s.type);
      if (list !== undefined && !s.stop) {
        const snapshot = list.slice();
        for (const capture of [true, false]) {
          for (const entry of snapshot) {
            if (entry.capture !== capture || entry.removed) continue;
            if (entry.once) this.removeEventListener(s.type, entry.callback, { capture: entry.capture });
            s.passive = entry.passive;
            invokeListener(this, entry.callback, event);
            s.passive = false;
            if (s.stopImmediate) break;
          }
          if (s.stopImmediate) break;
        }
      }
    } finally {
      s.dispatching = false;
      s.phase = NONE;
      s.currentTarget = null;
      s.stop = false;
      s.stopImmediate = false;
    }
    return !event.defaultPrevented;
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    const name = this.constructor.name;
    if (depth < 0) return name;
    return `${name} ${inspect({}, { ...options, depth: options.depth === null ? null : options.depth - 1 })}`;
  }
}

const kNewListener = Symbol('kNewListener');
const kRemoveListener = Symbol('kRemoveListener');

function checkThis(target) {
  if (target?.[kEvents] === undefined) throw new (codes().ERR_INVALID_THIS)('EventTarget');
}

function invokeListener(target, callback, event) {
  try {
    let result;
    if (typeof callback === 'function') {
      result = callback.call(target, event);
    } else {
      const handleEvent = callback.handleEvent;
      if (typeof handleEvent !== 'function') {
        throw new TypeError("The 'handleEvent' property of an event listener must be a function");
      }
      result = handleEvent.call(callback, event);
    }
    if (result !== undefined && result !== null && typeof result.then === 'function') {
      result.then(undefined, (err) => process.nextTick(() => {
        throw err;
      }));
    }
  } catch (err) {
    // DOM's "report the exception": the dispatch goes on; Node makes it uncaught.
    process.nextTick(() => {
      throw err;
    });
  }
}

for (const key of ['addEventListener', 'removeEventListener', 'dispatchEvent']) {
  const d = Object.getOwnPropertyDescriptor(EventTarget.prototype, key);
  Object.defineProperty(EventTarget.prototype, key, { ...d, enumerable: true });
}
Object.defineProperty(EventTarget.prototype, Symbol.toStringTag, { value: 'EventTarget', writable: false, enumerable: false, configurable: true });

function getListeners(target, type) {
  const list = target[kEvents]?.get(`${type}`);
  return list === undefined ? [] : list.map((e) => e.callback);
}

// An `onfoo` attribute handler (AbortSignal.onabort): one listener slot.
function defineEventHandler(prototype, name) {
  const key = Symbol(`on${name}`);
  Object.defineProperty(prototype, `on${name}`, {
    get() {
      return this[key]?.handler ?? null;
    },
    set(value) {
      if (this[key]?.wrapper) this.removeEventListener(name, this[key].wrapper);
      if (typeof value === 'function' || (typeof value === 'object' && value !== null)) {
        const wrapper = (event) => (typeof value === 'function' ? value.call(this, event) : undefined);
        this[key] = { handler: value, wrapper };
        this.addEventListener(name, wrapper);
      } else {
        this[key] = undefined;
      }
    },
    enumerable: true,
    configurable: true,
  });
}

module.exports = {
  Event,
  CustomEvent,
  EventTarget,
  isEvent,
  getListeners,
  defineEventHandler,
  kTrustEvent,
  kNewListener,
  kRemoveListener,
  kWeakHandler,
  kHandlers,
  kStop,
  kTarget,
  kIsBeingDispatched,
};
