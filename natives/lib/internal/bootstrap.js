// What runs before any user code (Node's internal/bootstrap/node): the
// rest of `process` (lib/internal/process/*.js), the globals Node has that
// the engine does not (console, global, Buffer, URL, TextEncoder, ... —
// each loaded on first use), and the hooks the C++ runtime calls back:
// uncaught exceptions, unhandled rejections and the ways a program starts.
'use strict';

const { setupProcess } = require('internal/process/setup');
const execution = require('internal/process/execution');
const cjs = require('internal/modules/cjs/loader');

setupProcess(process);

// A global that loads its module the first time it is read, then becomes a
// plain property (as most of Node's are once touched).
function defineLazyGlobal(name, load, enumerable = false) {
  Object.defineProperty(globalThis, name, {
    get() {
      const value = load();
      Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable });
      return value;
    },
    set(value) {
      Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable });
    },
    configurable: true,
    enumerable,
  });
}

Object.defineProperty(globalThis, 'global', { value: globalThis, writable: true, configurable: true, enumerable: true });
// The timer functions (defined by timers.cpp) are enumerable in Node, in this
// order after `global` (Object.keys(globalThis) shows it): defined again here.
for (const name of ['clearImmediate', 'setImmediate', 'clearInterval', 'clearTimeout', 'setInterval', 'setTimeout',
  'queueMicrotask']) {
  const value = globalThis[name];
  delete globalThis[name];
  Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: true });
}
defineLazyGlobal('console', () => require('console'));
for (const [name, module, enumerable] of require('internal/bootstrap/globals').lazyGlobals) {
  defineLazyGlobal(name, () => require(module)[name], enumerable);
}

// The hooks natives/runtime.cpp calls (see natives/README.md).
module.exports = {
  fatalException: execution.fatalException,  // (error, fromPromise) -> exit status, 0: handled
  unhandledRejection: execution.unhandledRejection,  // (promise, reason) -> exit status
  beforeExit: execution.beforeExit,
  runMain: (file) => cjs.Module.runMain(file),  // the main CommonJS module
  requireForImport: cjs.requireForImport,  // (file) -> exports, for `import` of CommonJS
  resolveImport: (specifier, parent) => require('internal/modules/resolve').esmResolve(specifier, parent),
  evalScript: cjs.evalScript,  // (name, source) -> completion value: -e, -p, stdin
  preload: cjs.preload,  // ([module, ...]): -r
};
