// node:timers — the timer functions (the globals, natives/timers.cpp) as a
// module, the legacy active/enroll helpers, and timers/promises.
'use strict';

// The legacy API (deprecated in Node): a timer on an object's _idleTimeout.
function enroll(item, msecs) {
  item._idleTimeout = msecs;
}
function unenroll(item) {
  if (item._idleTimer) clearTimeout(item._idleTimer);
  item._idleTimer = null;
  item._idleTimeout = -1;
}
function active(item) {
  if (item._idleTimer) clearTimeout(item._idleTimer);
  if (item._idleTimeout >= 0) item._idleTimer = setTimeout(() => item._onTimeout?.(), item._idleTimeout);
}

module.exports = {
  setTimeout: globalThis.setTimeout,
  clearTimeout: globalThis.clearTimeout,
  setImmediate: globalThis.setImmediate,
  clearImmediate: globalThis.clearImmediate,
  setInterval: globalThis.setInterval,
  clearInterval: globalThis.clearInterval,
  _unrefActive: active,
  active,
  unenroll,
  enroll,
};
Object.defineProperty(module.exports, 'promises', {
  get() {
    return require('timers/promises');
  },
  enumerable: true,
  configurable: true,
});
