// What happens to an exception nobody caught and a rejection nobody
// handled, as in Node 20 (the C++ runtime calls these; runtime.cpp):
//
//   fatalException(error, fromPromise) -> exit status (0: the program goes on)
//     1. a capture callback (process.setUncaughtExceptionCaptureCallback) takes it;
//     2. else 'uncaughtExceptionMonitor', then 'uncaughtException' listeners
//        (a listener that throws: that error is printed, status 7);
//     3. else it is printed — the location and the source line with a caret,
//        then the error as util.inspect shows it (its stack, extra properties,
//        [cause]) — and the status is 1.
//   unhandledRejection(promise, reason) -> exit status
//     'unhandledRejection' listeners, or else the rejection becomes an
//     uncaught exception (a non-error reason is wrapped in Node's
//     UnhandledPromiseRejection error).
//   beforeExit() -> process.emit('beforeExit', exitCode)
'use strict';

function inspect(value, options) {
  return require('internal/util/inspect').inspect(value, options);
}
const binding = require('internal:process');

let captureCallback = null;

function setUncaughtExceptionCaptureCallback(fn) {
  if (fn === null) {
    captureCallback = null;
    return;
  }
  const { validateFunction } = require('internal/validators');
  validateFunction(fn, 'fn');
  if (captureCallback !== null) {
    const { codes } = require('internal/errors');
    const err = new Error('`process.setupUncaughtExceptionCapture()` was called while a capture callback was already active');
    err.code = 'ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET';
    void codes;
    throw err;
  }
  captureCallback = fn;
}

function hasUncaughtExceptionCaptureCallback() {
  return captureCallback !== null;
}

function isError(value) {
  return value !== null && typeof value === 'object' && require('internal:util').internalClass(value) === 'Error';
}

// "file:line", the source line and a caret under the column: where the
// error was raised, read from the first frame of its stack. A `throw`
// just before that column is where V8 would point: the caret goes there.
function sourceArrow(error, fromPromise) {
  let stack;
  try {
    stack = error !== null && typeof error === 'object' ? error.stack : undefined;
  } catch {
    return '';
  }
  if (typeof stack !== 'string') return '';
  const frame = stack.split('\n').find((l) => l.startsWith('    at '));
  if (frame === undefined) return '';
  const m = /^ {4}at (?:.*? \()?(.+):(\d+):(\d+)\)?$/.exec(frame);
  if (m === null) return '';
  const [, file, lineText, columnText] = m;
  const line = Number(lineText);
  let column = Number(columnText) - 1;
  const source = binding.sourceLine(file, line);
  if (source === undefined) return '';
  // The error was made inside a `throw` expression on this line ("throw new
  // Error(...)", "throw Object.assign(new Error(...), ...)"): V8 points at the throw.
  // (Not for a rejection, nor in an ES module, whose errors reach Node through
  // a promise: it points where the error was made.)
  const before = source.slice(0, column);
  const thrown = fromPromise || file.startsWith('file:') ? null : /\bthrow\b[^;]*$/.exec(before);
  if (thrown !== null) column = thrown.index;
  let underline = '';
  for (let i = 0; i < column && i < source.length; i++) underline += source[i] === '\t' ? '\t' : ' ';
  return `${file}:${line}\n${source}\n${underline}^\n`;
}

const trailer = () => `\n${binding.versionLine()}\n`;

// The whole text of an uncaught exception on stderr.
function describeUncaught(error, fromPromise = false) {
  const colors = binding.isatty(2) && process.env.NO_COLOR === undefined && process.env.TERM !== 'dumb';
  if (isError(error)) {
    let body;
    try {
      body = inspect(error, { colors });
      // A link error (an import the module does not export) has no frames
      // in Glass; Node's has its loader's, and prints it unbracketed.
      if (error instanceof SyntaxError && body.startsWith('[SyntaxError') &&
          !String(error.stack).includes('\n    at ')) {
        body = body.slice(1).replace(']', '');
      }
    } catch {
      body = String(error);
    }
    const arrow = sourceArrow(error, fromPromise);
    return `${arrow === "" ? "" : `${arrow}\n`}${body}\n${trailer()}`;
  }
  let text;
  try {
    text = error !== null && (typeof error === 'object' || typeof error === 'function')
      ? inspect(error, { colors }) : String(error);
  } catch {
    text = '<toString() threw exception>';
  }
  const hint = error === null || (typeof error !== 'object' && typeof error !== 'function')
    ? `\n(Use \`${argv0()} --trace-uncaught ...\` to show where the exception was thrown)` : '';
  return `\n${text}${hint}\n${trailer()}`;
}

function argv0() {
  const name = String(process.argv0 || 'glass');
  return name.slice(name.lastIndexOf('/') + 1);
}

function printUncaught(error, fromPromise) {
  binding.writeString(2, describeUncaught(error, fromPromise));
}

function fatalException(error, fromPromise) {
  if (captureCallback !== null) {
    captureCallback(error);
    return 0;
  }
  const type = fromPromise ? 'unhandledRejection' : 'uncaughtException';
  try {
    process.emit('uncaughtExceptionMonitor', error, type);
    if (process.listenerCount('uncaughtException') > 0) {
      process.emit('uncaughtException', error, type);
      return 0;
    }
  } catch (handlerError) {
    // A listener threw: that error ends the program, with Node's status 7.
    printUncaught(handlerError);
    return 7;
  }
  printUncaught(error, fromPromise);
  return 1;
}

// V8's short form of a value in messages ("#<Object>", "Symbol(x)").
function noSideEffectsToString(value) {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
    return typeof value === 'symbol' ? value.toString() : String(value);
  }
  if (typeof value === 'function') return `function ${value.name}`;
  return require('internal/util').constructorTag(value);
}

class UnhandledPromiseRejection extends Error {
  code = 'ERR_UNHANDLED_REJECTION';
  constructor(reason) {
    super('This error originated either by throwing inside of an async function without a catch block, ' +
      'or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason ' +
      `"${noSideEffectsToString(reason)}".`);
    this.name = 'UnhandledPromiseRejection';
  }
}

function unhandledRejection(promise, reason) {
  let handled = false;
  try {
    handled = process.emit('unhandledRejection', reason, promise);
  } catch (err) {
    return fatalException(err, false);
  }
  if (handled) return 0;
  const error = isError(reason) ? reason : new UnhandledPromiseRejection(reason);
  return fatalException(error, true);
}

function beforeExit() {
  const code = process.exitCode;
  process.emit('beforeExit', code === undefined ? 0 : Number(code));
}

module.exports = {
  fatalException,
  unhandledRejection,
  beforeExit,
  describeUncaught,
  setUncaughtExceptionCaptureCallback,
  hasUncaughtExceptionCaptureCallback,
};
