// AssertionError, with the message Node 20 writes when none is given: the
// operator in words, then both values inspected and, when they span lines,
// a line diff ("+ actual - expected") that shows a few identical lines
// around each change and skips the rest.
'use strict';

const { inspect } = require('internal/util/inspect');

const kReadableOperator = {
  deepStrictEqual: 'Expected values to be strictly deep-equal:',
  strictEqual: 'Expected values to be strictly equal:',
  strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
  deepEqual: 'Expected values to be loosely deep-equal:',
  notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
  notStrictEqual: 'Expected "actual" to be strictly unequal to:',
  notStrictEqualObject: 'Expected "actual" not to be reference-equal to "expected":',
  notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
  notIdentical: 'Values have same structure but are not reference-equal:',
  notDeepEqualUnequal: 'Expected values not to be loosely deep-equal:',
};

// Values shorter than this, on one line each, are shown as "a !== b".
const kMaxShortLength = 12;

function copyError(source) {
  const target = Object.assign({ __proto__: Object.getPrototypeOf(source) }, source);
  Object.defineProperty(target, 'message', { value: source.message });
  if ('cause' in source) Object.defineProperty(target, 'cause', { value: source.cause });
  return target;
}

function inspectValue(val) {
  return inspect(val, {
    compact: false, customInspect: false, depth: 1000, maxArrayLength: Infinity, showHidden: false,
    showProxy: false, sorted: true, getters: true,
  });
}

const kHeaderDiff = '\n+ actual - expected';
const kLinesSkipped = ' ... Lines skipped';
const kMaxPrintedLines = 50;

// Both values on one line: "a !== b" for short primitives (null for the
// line diff), or the column where a longer pair first differs (-1 for none).
function oneLineComparison(actualLine, expectedLine, actual, expected, operator) {
  const length = actualLine.length + expectedLine.length;
  if (length <= kMaxShortLength) {
    const primitive = (v) => typeof v !== 'object' || v === null;
    if (primitive(actual) && primitive(expected) && (actual !== 0 || expected !== 0)) {
      return { short: `${kReadableOperator[operator]}\n\n${actualLine} !== ${expectedLine}\n` };
    }
    return { caret: -1 };
  }
  const width = process.stderr.isTTY ? process.stderr.columns : 80;
  if (operator === 'strictEqualObject' || length >= width) return { caret: -1 };
  let column = 0;
  while (actualLine[column] === expectedLine[column]) column++;
  return { caret: column > 2 ? column : -1 };
}

// The lines both values end with are left out of the diff and shown after
// it: the last three, and above them the first of the run (with "..."
// between when lines were left out).
function splitCommonTail(actualLines, expectedLines) {
  const common = [];
  while (actualLines.length > 0 && expectedLines.length > 0 &&
         actualLines[actualLines.length - 1] === expectedLines[expectedLines.length - 1]) {
    common.unshift(actualLines.pop());
    expectedLines.pop();
  }
  if (common.length === 0) return { text: '', skipped: false };
  const last = common.slice(-3).map((line) => `\n  ${line}`).join('');
  if (common.length === 4) return { text: `\n  ${common[0]}${last}`, skipped: false };
  if (common.length >= 5) return { text: `\n  ${common[0]}\n...${last}`, skipped: true };
  return { text: last, skipped: false };
}

// Two lines that differ only by a trailing comma count as the same line.
function sameLine(actualLine, expectedLine) {
  if (actualLine === expectedLine) return actualLine;
  if (actualLine.endsWith(',') && actualLine.slice(0, -1) === expectedLine) return actualLine;
  if (expectedLine.endsWith(',') && expectedLine.slice(0, -1) === actualLine) return `${actualLine},`;
  return undefined;
}

// Writes the "+ actual - expected" body: changed lines as a "+" line
// followed (at the next unchanged line) by the "-" lines; runs of unchanged
// lines keep two lines at their start and two before the next change.
class DiffWriter {
  constructor() {
    this.text = '';
    this.minus = '';      // "-" lines waiting for the next unchanged line
    this.printed = 0;
    this.skipped = false;
    this.unchanged = 0;   // length of the current run of unchanged lines
  }

  add(line) {
    this.text += line;
    this.printed++;
  }

  // At a change: the held-back end of the unchanged run before it.
  endUnchangedRun(lines, index) {
    const hidden = this.unchanged - 2;
    if (hidden > 0) {
      if (hidden <= 3) {
        for (let k = index - hidden; k < index; k++) this.add(`\n  ${lines[k]}`);
      } else {
        this.text += '\n...';
        this.skipped = true;
        this.add(`\n  ${lines[index - 2]}`);
        this.add(`\n  ${lines[index - 1]}`);
      }
    }
    this.unchanged = 0;
  }

  unchangedLine(line) {
    this.text += this.minus;
    this.minus = '';
    if (++this.unchanged <= 2) this.add(`\n  ${line}`);
  }

  changedLines(actualLine, expectedLine, actualLines, index) {
    this.endUnchangedRun(actualLines, index);
    this.add(`\n+ ${actualLine}`);
    this.minus += `\n- ${expectedLine}`;
    this.printed++;
  }
}

function createErrDiff(actual, expected, operator) {
  const actualInspected = inspectValue(actual);
  const actualLines = actualInspected.split('\n');
  const expectedLines = inspectValue(expected).split('\n');
  if (operator === 'strictEqual' &&
      ((typeof actual === 'object' && actual !== null && typeof expected === 'object' && expected !== null) ||
       (typeof actual === 'function' && typeof expected === 'function'))) {
    operator = 'strictEqualObject';
  }
  let indicator = '';
  if (actualLines.length === 1 && expectedLines.length === 1 && actualLines[0] !== expectedLines[0]) {
    const one = oneLineComparison(actualLines[0], expectedLines[0], actual, expected, operator);
    if (one.short !== undefined) return one.short;
    if (one.caret !== -1) indicator = `\n  ${' '.repeat(one.caret)}^`;
  }
  const tail = splitCommonTail(actualLines, expectedLines);
  const total = Math.max(actualLines.length, expectedLines.length);
  if (total === 0) {
    // Same text, different objects.
    const lines = actualInspected.split('\n');
    if (lines.length > kMaxPrintedLines) lines.splice(46, lines.length - 46, '...');
    return `${kReadableOperator.notIdentical}\n\n${lines.join('\n')}\n`;
  }
  const header = kReadableOperator[operator] + kHeaderDiff;
  const writer = new DiffWriter();
  const actualLonger = actualLines.length >= total;
  const longer = actualLonger ? actualLines : expectedLines;
  const common = actualLonger ? expectedLines.length : actualLines.length;
  for (let i = 0; i < total; i++) {
    if (i >= common) {
      // Lines only the longer value has.
      writer.endUnchangedRun(longer, i);
      if (actualLonger) {
        writer.add(`\n+ ${longer[i]}`);
      } else {
        writer.minus += `\n- ${longer[i]}`;
        writer.printed++;
      }
    } else {
      const line = sameLine(actualLines[i], expectedLines[i]);
      if (line === undefined) writer.changedLines(actualLines[i], expectedLines[i], actualLines, i);
      else writer.unchangedLine(line);
    }
    if (writer.printed > kMaxPrintedLines && i < total - 2) {
      return `${header}${kLinesSkipped}\n${writer.text}\n...${writer.minus}\n...`;
    }
  }
  const skipped = writer.skipped || tail.skipped;
  return `${header}${skipped ? kLinesSkipped : ''}\n${writer.text}${writer.minus}${tail.text}${indicator}`;
}

class AssertionError extends Error {
  constructor(options) {
    require('internal/validators').validateObject(options, 'options');
    const { message, operator, stackStartFn, details } = options;
    let { actual, expected } = options;
    const limit = Error.stackTraceLimit;
    if (message != null) {
      super(String(message));
    } else {
      if (typeof actual === 'object' && actual !== null && typeof expected === 'object' && expected !== null &&
          'stack' in actual && actual instanceof Error && 'stack' in expected && expected instanceof Error) {
        actual = copyError(actual);
        expected = copyError(expected);
      }
      if (operator === 'deepStrictEqual' || operator === 'strictEqual') {
        super(createErrDiff(actual, expected, operator));
      } else if (operator === 'notDeepStrictEqual' || operator === 'notStrictEqual') {
        let base = kReadableOperator[operator];
        const res = inspectValue(actual).split('\n');
        if (operator === 'notStrictEqual' && ((typeof actual === 'object' && actual !== null) || typeof actual === 'function')) {
          base = kReadableOperator.notStrictEqualObject;
        }
        if (res.length > 50) {
          res[46] = '...';
          while (res.length > 47) res.pop();
        }
        if (res.length === 1) super(`${base}${res[0].length > 5 ? '\n\n' : ' '}${res[0]}`);
        else super(`${base}\n\n${res.join('\n')}\n`);
      } else {
        let res = inspectValue(actual);
        let other = inspectValue(expected);
        const knownOperator = kReadableOperator[operator];
        if (operator === 'notDeepEqual' && res === other) {
          res = `${knownOperator}\n\n${res}`;
          if (res.length > 1024) res = `${res.slice(0, 1021)}...`;
          super(res);
        } else {
          if (res.length > 512) res = `${res.slice(0, 509)}...`;
          if (other.length > 512) other = `${other.slice(0, 509)}...`;
          if (operator === 'deepEqual') {
            res = `${knownOperator}\n\n${res}\n\nshould loosely deep-equal\n\n`;
          } else {
            const newOp = kReadableOperator[`${operator}Unequal`];
            if (newOp) res = `${newOp}\n\n${res}\n\nshould not loosely deep-equal\n\n`;
            else other = ` ${operator} ${other}`;
          }
          super(`${res}${other}`);
        }
      }
    }
    Error.stackTraceLimit = limit;
    this.generatedMessage = !message;
    Object.defineProperty(this, 'name', {
      value: 'AssertionError [ERR_ASSERTION]', enumerable: false, writable: true, configurable: true,
    });
    this.code = 'ERR_ASSERTION';
    if (details) {
      this.actual = undefined;
      this.expected = undefined;
      this.operator = undefined;
      for (let i = 0; i < details.length; i++) {
        this['message ' + i] = details[i].message;
        this['actual ' + i] = details[i].actual;
        this['expected ' + i] = details[i].expected;
        this['operator ' + i] = details[i].operator;
        this['stack trace ' + i] = details[i].stack;
      }
    } else {
      this.actual = actual;
      this.expected = expected;
      this.operator = operator;
    }
    Error.captureStackTrace(this, stackStartFn || AssertionError);
    this.name = 'AssertionError';
  }

  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }

  [inspect.custom](recurseTimes, ctx) {
    const tmpActual = this.actual;
    const tmpExpected = this.expected;
    if (typeof this.actual === 'string') this.actual = this.actual.length > 512 ? `${this.actual.slice(0, 509)}...` : this.actual;
    if (typeof this.expected === 'string') this.expected = this.expected.length > 512 ? `${this.expected.slice(0, 509)}...` : this.expected;
    const result = inspect(this, { ...ctx, customInspect: false, depth: 0 });
    this.actual = tmpActual;
    this.expected = tmpExpected;
    return result;
  }
}

module.exports = { AssertionError, inspectValue };
