// The User Timing and Performance Timeline parts Node has: the global
// `performance` (now, timeOrigin, mark, measure, the entry buffer,
// eventLoopUtilization, timerify, toJSON), PerformanceEntry and its Mark and
// Measure kinds, PerformanceObserver (entries delivered in a task after they
// are made, as Node queues them), and perf_hooks' histograms.
'use strict';

const binding = require('internal:process');
const { inspect } = require('internal/util/inspect');
const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_MISSING_ARGS, ERR_OUT_OF_RANGE,
    ERR_PERFORMANCE_INVALID_TIMESTAMP, ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS,
  },
} = require('internal/errors');
const { validateFunction, validateObject } = require('internal/validators');

const kSkipThrow = Symbol('kSkipThrow');
const timeOrigin = binding.timeOriginMs();

function now() {
  return binding.uptime() * 1000;
}

function domException(message, name) {
  const { DOMException } = require('internal/dom_exception');
  return new DOMException(message, name);
}

// --- entries ---------------------------------------------------------------

class PerformanceEntry {
  #name;
  #type;
  #start;
  #duration;
  #detail;

  constructor(skip, name, type, start, duration, detail) {
    if (skip !== kSkipThrow) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this.#name = name;
    this.#type = type;
    this.#start = start;
    this.#duration = duration;
    this.#detail = detail;
  }

  get name() { return this.#name; }
  get entryType() { return this.#type; }
  get startTime() { return this.#start; }
  get duration() { return this.#duration; }
  get detail() { return this.#detail; }

  toJSON() {
    return { name: this.#name, entryType: this.#type, startTime: this.#start, duration: this.#duration,
             detail: this.#detail };
  }

  [inspect.custom](depth, options) {
    if (depth < 0) return this;
    return `${this.constructor.name} ${inspect(this.toJSON(), { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }
}
Object.defineProperty(PerformanceEntry.prototype, Symbol.toStringTag, { value: 'PerformanceEntry', configurable: true });

function structuredCloneDetail(detail) {
  if (detail === undefined) return null;
  return globalThis.structuredClone ? globalThis.structuredClone(detail) : detail;
}

class PerformanceMark extends PerformanceEntry {
  constructor(name, options = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    name = `${name}`;
    if (options != null) validateObject(options, 'options');
    const startTime = options?.startTime ?? now();
    if (typeof startTime !== 'number') throw new ERR_INVALID_ARG_TYPE('options.startTime', 'number', startTime);
    if (startTime < 0) throw new ERR_PERFORMANCE_INVALID_TIMESTAMP(startTime);
    super(kSkipThrow, name, 'mark', startTime, 0, structuredCloneDetail(options?.detail));
  }
}
Object.defineProperty(PerformanceMark.prototype, Symbol.toStringTag, { value: 'PerformanceMark', configurable: true });

// Entries of fetches made by the runtime (none are made yet; the class is
// there for code that checks for it).
class PerformanceResourceTiming extends PerformanceEntry {
  constructor(skip, name, start, duration) {
    if (skip !== kSkipThrow) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super(kSkipThrow, name, 'resource', start, duration, null);
  }
}

class PerformanceMeasure extends PerformanceEntry {
  constructor(skip, name, start, duration, detail) {
    if (skip !== kSkipThrow) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super(kSkipThrow, name, 'measure', start, duration, detail);
  }
}
Object.defineProperty(PerformanceMeasure.prototype, Symbol.toStringTag, { value: 'PerformanceMeasure', configurable: true });

// --- the entry buffer and observers --------------------------------------

const buffers = { mark: [], measure: [] };
const observers = new Set();
const kSupportedTypes = ['dns', 'function', 'gc', 'http', 'http2', 'mark', 'measure', 'net', 'resource'];

function enqueue(entry) {
  for (const observer of observers) observer._queue(entry);
}

class PerformanceObserverEntryList {
  #entries;

  constructor(skip, entries) {
    if (skip !== kSkipThrow) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this.#entries = entries.slice().sort((a, b) => a.startTime - b.startTime);
  }

  getEntries() {
    return this.#entries.slice();
  }

  getEntriesByType(type) {
    type = `${type}`;
    return this.#entries.filter((e) => e.entryType === type);
  }

  getEntriesByName(name, type = undefined) {
    name = `${name}`;
    return this.#entries.filter((e) => e.name === name && (type === undefined || e.entryType === `${type}`));
  }
}

class PerformanceObserver {
  #callback;
  #types = new Set();
  #buffer = [];
  #scheduled = false;

  constructor(callback) {
    validateFunction(callback, 'callback');
    this.#callback = callback;
  }

  static get supportedEntryTypes() {
    return kSupportedTypes.slice();
  }

  observe(options = { __proto__: null }) {
    validateObject(options, 'options');
    const { entryTypes, type, buffered } = options;
    if (entryTypes === undefined && type === undefined) throw new ERR_MISSING_ARGS('options.entryTypes', 'options.type');
    if (entryTypes != null && type != null) {
      throw new ERR_INVALID_ARG_VALUE('options.entryTypes', entryTypes, 'options.entryTypes can not set with options.type together');
    }
    this.#types.clear();
    const wanted = entryTypes !== undefined ? entryTypes : [type];
    if (!Array.isArray(wanted)) throw new ERR_INVALID_ARG_TYPE('options.entryTypes', 'string[]', entryTypes);
    for (const t of wanted) if (kSupportedTypes.includes(t)) this.#types.add(t);
    if (this.#types.size === 0) return;
    observers.add(this);
    if (buffered && type !== undefined) {
      for (const entry of buffers[type] ?? []) this._queue(entry);
    }
  }

  disconnect() {
    observers.delete(this);
    this.#buffer = [];
  }

  takeRecords() {
    const list = this.#buffer;
    this.#buffer = [];
    return list;
  }

  _queue(entry) {
    if (!this.#types.has(entry.entryType)) return;
    this.#buffer.push(entry);
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      if (this.#buffer.length === 0) return;
      const list = new PerformanceObserverEntryList(kSkipThrow, this.takeRecords());
      Reflect.apply(this.#callback, this, [list, this]);
    });
  }

  [inspect.custom](depth, options) {
    if (depth < 0) return this;
    return `PerformanceObserver ${inspect({
      connected: observers.has(this), pending: this.#buffer.length > 0,
      entryTypes: [...this.#types], buffer: this.#buffer,
    }, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }
}

// --- performance ------------------------------------------------------------

function markTime(name) {
  if (name === undefined) return undefined;
  if (typeof name === 'number') {
    if (name < 0) throw new ERR_PERFORMANCE_INVALID_TIMESTAMP(name);
    return name;
  }
  const marks = buffers.mark;
  for (let i = marks.length - 1; i >= 0; i--) {
    if (marks[i].name === name) return marks[i].startTime;
  }
  throw domException(`The "${name}" performance mark has not been set`, 'SyntaxError');
}

// 3.1.3 measure(): start and end from marks, times or options {start, end, duration}.
function measure(name, startOrOptions = undefined, endMark = undefined) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
  name = `${name}`;
  let start;
  let end;
  let duration;
  let detail = null;
  if (startOrOptions !== null && typeof startOrOptions === 'object') {
    if (endMark !== undefined) throw new ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS('endMark must not be specified');
    const o = startOrOptions;
    if (o.start === undefined && o.end === undefined) {
      throw new ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS('One of options.start or options.end is required');
    }
    if (o.start !== undefined && o.end !== undefined && o.duration !== undefined) {
      throw new ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS(
        'Must not have options.start, options.end, and options.duration specified');
    }
    start = markTime(o.start);
    duration = o.duration;
    if (o.end !== undefined) end = markTime(o.end);
    else if (duration !== undefined && start !== undefined) end = start + duration;
    else end = now();
    if (start === undefined) start = duration !== undefined ? end - duration : 0;
    detail = structuredCloneDetail(o.detail);
  } else {
    end = endMark !== undefined ? markTime(`${endMark}`) : now();
    start = startOrOptions !== undefined ? markTime(`${startOrOptions}`) : 0;
  }
  const entry = new PerformanceMeasure(kSkipThrow, name, start, end - start, detail);
  buffers.measure.push(entry);
  enqueue(entry);
  return entry;
}

function mark(name, options = undefined) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
  const entry = new PerformanceMark(name, options);
  buffers.mark.push(entry);
  enqueue(entry);
  return entry;
}

function clearEntries(type, name) {
  if (name === undefined) buffers[type] = [];
  else buffers[type] = buffers[type].filter((e) => e.name !== `${name}`);
}

function allEntries() {
  return [...buffers.mark, ...buffers.measure].sort((a, b) => a.startTime - b.startTime);
}

// The loop's busy and idle time are not measured: everything counts as
// active since the start.
function eventLoopUtilization(util1 = undefined, util2 = undefined) {
  const active = now();
  const current = { idle: 0, active, utilization: active > 0 ? 1 : 0 };
  if (util2) {
    const a = util1.active - util2.active;
    const i = util1.idle - util2.idle;
    return { idle: i, active: a, utilization: a + i > 0 ? a / (a + i) : 0 };
  }
  if (util1) {
    const a = current.active - util1.active;
    const i = current.idle - util1.idle;
    return { idle: i, active: a, utilization: a + i > 0 ? a / (a + i) : 0 };
  }
  return current;
}

// timerify(fn): fn wrapped so that each call makes a 'function' entry.
function timerify(fn, options = { __proto__: null }) {
  validateFunction(fn, 'fn');
  validateObject(options, 'options');
  function timerified(...args) {
    const start = now();
    const result = new.target ? Reflect.construct(fn, args, fn) : Reflect.apply(fn, this, args);
    const entry = new PerformanceEntry(kSkipThrow, fn.name, 'function', start, now() - start, args);
    enqueue(entry);
    return result;
  }
  Object.defineProperties(timerified, {
    length: { value: fn.length, configurable: true },
    name: { value: `timerified ${fn.name}`, configurable: true },
  });
  return timerified;
}

class PerformanceNodeTiming {
  get name() { return 'node'; }
  get entryType() { return 'node'; }
  get startTime() { return 0; }
  get duration() { return now(); }
  get nodeStart() { return 0; }
  get v8Start() { return 0; }
  get environment() { return 0; }
  get bootstrapComplete() { return 0; }
  get loopStart() { return 0; }
  get loopExit() { return -1; }
  get idleTime() { return 0; }

  [inspect.custom](depth, options) {
    if (depth < 0) return this;
    const o = {};
    for (const key of ['name', 'entryType', 'startTime', 'duration', 'nodeStart', 'v8Start', 'bootstrapComplete',
      'environment', 'loopStart', 'loopExit', 'idleTime']) o[key] = this[key];
    return `PerformanceNodeTiming ${inspect(o, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }
}
const nodeTiming = new PerformanceNodeTiming();

class Performance extends require('internal/event_target').EventTarget {
  constructor(skip) {
    if (skip !== kSkipThrow) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super();
  }

  clearMarks(name = undefined) { clearEntries('mark', name); }
  clearMeasures(name = undefined) { clearEntries('measure', name); }
  clearResourceTimings() {}
  getEntries() { return allEntries(); }
  getEntriesByName(name, type = undefined) {
    name = `${name}`;
    return allEntries().filter((e) => e.name === name && (type === undefined || e.entryType === `${type}`));
  }
  getEntriesByType(type) {
    type = `${type}`;
    return allEntries().filter((e) => e.entryType === type);
  }
  mark(...args) { return Reflect.apply(mark, this, args); }
  measure(...args) { return Reflect.apply(measure, this, args); }
  now() { return now(); }
  setResourceTimingBufferSize() {}
  get timeOrigin() { return timeOrigin; }
  toJSON() {
    return { nodeTiming, timeOrigin, eventLoopUtilization: eventLoopUtilization() };
  }
  eventLoopUtilization(a, b) { return eventLoopUtilization(a, b); }
  get nodeTiming() { return nodeTiming; }
  timerify(fn, options) { return timerify(fn, options); }

  [inspect.custom](depth, options) {
    if (depth < 0) return this;
    return `Performance ${inspect({ nodeTiming, timeOrigin, eventLoopUtilization: eventLoopUtilization() },
                                  { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }
}
Object.defineProperty(Performance.prototype, Symbol.toStringTag, { value: 'Performance', configurable: true });

const performance = new Performance(kSkipThrow);

// --- histograms (perf_hooks.createHistogram, monitorEventLoopDelay) ---------

class RecordableHistogram {
  #values = [];
  #exceeds = 0;

  get min() { return this.#values.length ? Math.min(...this.#values) : 9223372036854776000; }
  get max() { return this.#values.length ? Math.max(...this.#values) : 0; }
  get mean() { return this.#values.length ? this.#values.reduce((a, b) => a + b, 0) / this.#values.length : NaN; }
  get stddev() {
    if (this.#values.length === 0) return NaN;
    const mean = this.mean;
    return Math.sqrt(this.#values.reduce((a, v) => a + (v - mean) ** 2, 0) / this.#values.length);
  }
  get count() { return this.#values.length; }
  get exceeds() { return this.#exceeds; }
  get percentiles() {
    const map = new Map();
    if (this.#values.length === 0) {
      map.set(100, 0);
      return map;
    }
    for (const p of [0, 50, 75, 87.5, 93.75, 96.875, 98.4375, 99.21875, 100]) map.set(p, this.percentile(p || 0.0001));
    return map;
  }

  percentile(p) {
    if (typeof p !== 'number') throw new ERR_INVALID_ARG_TYPE('percentile', 'number', p);
    if (!(p > 0 && p <= 100)) throw new ERR_OUT_OF_RANGE('percentile', '> 0 && <= 100', p);
    if (this.#values.length === 0) return 0;
    const sorted = this.#values.slice().sort((a, b) => a - b);
    return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
  }

  record(value) {
    if (typeof value !== 'number' && typeof value !== 'bigint') throw new ERR_INVALID_ARG_TYPE('val', ['integer', 'bigint'], value);
    if (Number(value) < 1) throw new ERR_OUT_OF_RANGE('val', `>= 1 && <= ${Number.MAX_SAFE_INTEGER}`, value);
    this.#values.push(Number(value));
  }

  recordDelta() {
    const t = now();
    if (this.last !== undefined) this.record(Math.max(1, Math.round((t - this.last) * 1e6)));
    this.last = t;
  }

  reset() {
    this.#values = [];
    this.#exceeds = 0;
  }

  [inspect.custom](depth, options) {
    if (depth < 0) return this;
    return `Histogram ${inspect({
      min: this.min, max: this.max, mean: this.mean, exceeds: this.exceeds, stddev: this.stddev,
      count: this.count, percentiles: this.percentiles,
    }, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }
}

function createHistogram(options = { __proto__: null }) {
  validateObject(options, 'options');
  return new RecordableHistogram();
}

// monitorEventLoopDelay(): samples the delay of a repeating timer.
function monitorEventLoopDelay(options = { __proto__: null }) {
  validateObject(options, 'options');
  const resolution = options.resolution ?? 10;
  const histogram = new RecordableHistogram();
  let timer = null;
  let expected = 0;
  histogram.enable = () => {
    if (timer !== null) return false;
    expected = now() + resolution;
    timer = setInterval(() => {
      const delay = Math.max(1, Math.round((now() - expected) * 1e6));
      histogram.record(delay);
      expected = now() + resolution;
    }, resolution);
    timer.unref();
    return true;
  };
  histogram.disable = () => {
    if (timer === null) return false;
    clearInterval(timer);
    timer = null;
    return true;
  };
  return histogram;
}

module.exports = {
  Performance,
  PerformanceEntry,
  PerformanceMark,
  PerformanceMeasure,
  PerformanceObserver,
  PerformanceObserverEntryList,
  PerformanceResourceTiming,
  performance,
  createHistogram,
  monitorEventLoopDelay,
};
