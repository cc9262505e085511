// The globals Node defines that load a module on first use: one row each,
// [global name, module that exports it under that name, enumerable].
'use strict';

module.exports.lazyGlobals = [
  ['Buffer', 'buffer', false],
  ['Event', 'internal/event_target', false],
  ['EventTarget', 'internal/event_target', false],
  ['CustomEvent', 'internal/event_target', false],
  ['AbortController', 'internal/abort_controller', false],
  ['AbortSignal', 'internal/abort_controller', false],
  ['DOMException', 'internal/dom_exception', false],
  ['structuredClone', 'internal/structured_clone', true],  // enumerable ones in Node's order
  ['atob', 'internal/base64', true],
  ['URL', 'internal/url', false],
  ['URLSearchParams', 'internal/url', false],
  ['TextEncoder', 'internal/encoding', false],
  ['TextDecoder', 'internal/encoding', false],
  ['btoa', 'internal/base64', true],
  ['performance', 'internal/perf/performance', true],
  ['PerformanceEntry', 'internal/perf/performance', false],
  ['PerformanceMark', 'internal/perf/performance', false],
  ['PerformanceMeasure', 'internal/perf/performance', false],
  ['PerformanceObserver', 'internal/perf/performance', false],
  ['PerformanceObserverEntryList', 'internal/perf/performance', false],
  ['PerformanceResourceTiming', 'internal/perf/performance', false],
  ['crypto', 'internal/crypto/webcrypto', true],
  ['Crypto', 'internal/crypto/webcrypto', false],
];
