// node:console — the global `console` and the Console class, as Node 20's:
// log/info/debug/dirxml to stdout, warn/error/trace to stderr, dir, table,
// group/groupCollapsed/groupEnd, time/timeEnd/timeLog, count/countReset,
// assert, clear. Values are formatted by util.formatWithOptions, in colors
// when the stream is a terminal that has them.
//
// The global console writes straight to file descriptors 1 and 2 (Node's
// stdout and stderr writes are synchronous on Linux for files, pipes and
// terminals) until the program touches process.stdout / process.stderr;
// from then on it writes through the stream's write(), so a program that
// replaces it sees every console line.
'use strict';

const { validateArray, validateInteger, validateObject, validateOneOf } = require('internal/validators');

// util.inspect is large: it is loaded when something other than strings is printed.
let inspectModule;
function lazyInspect() {
  if (inspectModule === undefined) inspectModule = require('internal/util/inspect');
  return inspectModule;
}
function inspect(value, options) {
  return lazyInspect().inspect(value, options);
}
function getStringWidth(str) {
  return lazyInspect().getStringWidth(str);
}
// Primitives need no inspect (console.log('text', 1), the common case):
// without colors and without a format string, they print as String() does.
function formatWithOptions(options, ...args) {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  if (!options.colors && !(typeof args[0] === 'string' && args[0].includes('%'))) {
    let out = '';
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      let text;
      if (typeof a === 'string') text = a;
      else if (typeof a === 'number') text = Object.is(a, -0) ? '-0' : `${a}`;
      else if (typeof a === 'boolean' || a === undefined || a === null) text = `${a}`;
      else if (typeof a === 'bigint') text = `${a}n`;
      else return lazyInspect().formatWithOptions(options, ...args);
      out += i === 0 ? text : ` ${text}`;
    }
    return out;
  }
  return lazyInspect().formatWithOptions(options, ...args);
}
function codes() {
  return require('internal/errors').codes;
}
const processBinding = require('internal:process');

const kCounts = Symbol('counts');
const kTimers = Symbol('timers');
const kGroupIndent = Symbol('kGroupIndent');
const kGroupIndentationWidth = Symbol('kGroupIndentationWidth');
const kColorMode = Symbol('kColorMode');
const kInspectOptions = Symbol('kInspectOptions');
const kUseStdout = true;
const kUseStderr = false;
const kIsConsole = Symbol('kIsConsole');

// The streams of the global console: fd 1 / fd 2 until process.stdout /
// process.stderr exist (see above).
function globalStream(fd) {
  return {
    write(chunk) {
      const stream = fd === 1 ? process._stdoutIfMade : process._stderrIfMade;
      if (stream !== undefined) return stream.write(chunk);
      processBinding.writeString(fd, chunk);
      return true;
    },
    get isTTY() {
      return processBinding.isatty(fd);
    },
    hasColors() {
      return processBinding.isatty(fd) && colorsAllowed();
    },
  };
}

// NO_COLOR, NODE_DISABLE_COLORS and TERM=dumb turn colors off; FORCE_COLOR on.
function colorsAllowed() {
  const env = process.env;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.NO_COLOR !== undefined || env.NODE_DISABLE_COLORS !== undefined || env.TERM === 'dumb') return false;
  return true;
}

function Console(options, stderr, ignoreErrors) {
  if (!new.target) return Reflect.construct(Console, arguments);
  if (!options || typeof options.write === 'function') {
    options = { stdout: options, stderr, ignoreErrors };
  }
  const {
    stdout,
    stderr: err = stdout,
    ignoreErrors: ignore = true,
    colorMode = 'auto',
    inspectOptions,
    groupIndentation,
  } = options;
  if (!stdout || typeof stdout.write !== 'function') throw new (codes().ERR_CONSOLE_WRITABLE_STREAM)('stdout');
  if (!err || typeof err.write !== 'function') throw new (codes().ERR_CONSOLE_WRITABLE_STREAM)('stderr');
  validateOneOf(colorMode, 'colorMode', ['auto', true, false]);
  if (groupIndentation !== undefined) validateInteger(groupIndentation, 'groupIndentation', 0, 1000);
  if (inspectOptions !== undefined) {
    validateObject(inspectOptions, 'options.inspectOptions');
    if (inspectOptions.colors !== undefined && options.colorMode !== undefined) {
      const { codes } = require('internal/errors');
      throw new codes.ERR_INCOMPATIBLE_OPTION_PAIR('options.inspectOptions.color', 'colorMode');
    }
  }
  setupConsole(this, stdout, err, ignore, colorMode, inspectOptions, groupIndentation);
  // Methods are bound, so `const { log } = console` works, as in Node.
  for (const key of Object.keys(Console.prototype)) {
    this[key] = Console.prototype[key].bind(this);
    Object.defineProperty(this[key], 'name', { value: key });
  }
}

function setupConsole(self, stdout, stderr, ignoreErrors, colorMode, inspectOptions, groupIndentation = 2) {
  Object.defineProperties(self, {
    _stdout: { value: stdout, writable: true, configurable: true, enumerable: false },
    _stderr: { value: stderr, writable: true, configurable: true, enumerable: false },
    _ignoreErrors: { value: Boolean(ignoreErrors), writable: true, configurable: true, enumerable: false },
    [kCounts]: { value: new Map(), writable: true, configurable: true, enumerable: false },
    [kTimers]: { value: new Map(), writable: true, configurable: true, enumerable: false },
    [kColorMode]: { value: colorMode, writable: true, configurable: true, enumerable: false },
    [kInspectOptions]: { value: inspectOptions, writable: true, configurable: true, enumerable: false },
    [kGroupIndent]: { value: '', writable: true, configurable: true, enumerable: false },
    [kGroupIndentationWidth]: { value: groupIndentation, writable: true, configurable: true, enumerable: false },
    [kIsConsole]: { value: true, writable: false, configurable: true, enumerable: false },
  });
}

function getInspectOptions(self, stream) {
  let color = self[kColorMode];
  if (color === 'auto') {
    color = typeof stream.hasColors === 'function' ? stream.hasColors() : false;
  }
  const options = self[kInspectOptions];
  if (options) {
    if (options.colors === undefined) return { ...options, colors: color };
    return options;
  }
  return color ? kColorInspectOptions : kNoColorInspectOptions;
}
const kColorInspectOptions = { colors: true };
const kNoColorInspectOptions = {};

function writeToConsole(self, useStdout, string) {
  const stream = useStdout ? self._stdout : self._stderr;
  const groupIndent = self[kGroupIndent];
  if (groupIndent.length !== 0) {
    if (string.includes('\n')) string = string.replace(/\n/g, `\n${groupIndent}`);
    string = groupIndent + string;
  }
  string += '\n';
  if (!self._ignoreErrors) {
    stream.write(string);
    return;
  }
  try {
    stream.write(string);
  } catch (e) {
    // A closed pipe and the like: console calls never throw (Node's ignoreErrors).
    if (e !== null && typeof e === 'object' && e.code === 'EPIPE') return;
    if (e instanceof RangeError && /call stack/.test(e.message)) throw e;
  }
}

function formatFor(self, stream, args) {
  const opts = getInspectOptions(self, stream);
  return formatWithOptions(opts, ...args);
}

// Durations as console.timeEnd prints them: 1.234ms, 1.234s, 1:02.345 (m:ss.mmm), ...
function formatTime(ms) {
  let hours = 0;
  let minutes = 0;
  let seconds = 0;
  if (ms >= 1000) {
    if (ms >= 60000) {
      if (ms >= 3600000) {
        hours = Math.floor(ms / 3600000);
        ms = ms % 3600000;
      }
      minutes = Math.floor(ms / 60000);
      ms = ms % 60000;
    }
    seconds = ms / 1000;
  }
  if (hours !== 0 || minutes !== 0) {
    const [secs, msText] = seconds.toFixed(3).split('.');
    const res = hours !== 0 ? `${hours}:${pad(minutes)}` : minutes;
    return `${res}:${pad(secs)}.${msText} (${hours !== 0 ? 'h:m' : ''}m:ss.mmm)`;
  }
  if (seconds !== 0) return `${seconds.toFixed(3)}s`;
  return `${Number(ms.toFixed(3))}ms`;
}

function pad(value) {
  return `${value}`.padStart(2, '0');
}

function now() {
  return processBinding.hrtimeMs();
}

function timeLogImpl(self, name, label, data) {
  const time = self[kTimers].get(label);
  if (time === undefined) {
    process.emitWarning(`No such label '${label}' for console.${name}()`);
    return false;
  }
  const duration = now() - time;
  if (data === undefined) self.log('%s: %s', label, formatTime(duration));
  else self.log('%s: %s', label, formatTime(duration), ...data);
  return true;
}

const tableChars = {
  middleMiddle: '─', rowMiddle: '┼', topRight: '┐', topLeft: '┌', leftMiddle: '├', topMiddle: '┬',
  bottomRight: '┘', bottomLeft: '└', bottomMiddle: '┴', rightMiddle: '┤', left: '│ ', right: ' │', middle: ' │ ',
};

function renderRow(row, columnWidths) {
  let out = tableChars.left;
  for (let i = 0; i < row.length; i++) {
    const cell = row[i];
    const len = getStringWidth(cell);
    const needed = columnWidths[i] - len;
    out += cell + ' '.repeat(needed);
    if (i !== row.length - 1) out += tableChars.middle;
  }
  out += tableChars.right;
  return out;
}

// The box console.table draws: head is the column titles, columns the cells column by column.
function renderTable(head, columns) {
  const rows = [];
  const columnWidths = head.map((h) => getStringWidth(h));
  const longestColumn = Math.max(...columns.map((a) => a.length));
  for (let i = 0; i < head.length; i++) {
    const column = columns[i];
    for (let j = 0; j < longestColumn; j++) {
      if (rows[j] === undefined) rows[j] = [];
      const value = rows[j][i] = Object.prototype.hasOwnProperty.call(column, j) ? column[j] : '';
      const width = columnWidths[i] || 0;
      const counted = getStringWidth(value);
      columnWidths[i] = Math.max(width, counted);
    }
  }
  const divider = columnWidths.map((i) => tableChars.middleMiddle.repeat(i + 2));
  let result = tableChars.topLeft + divider.join(tableChars.topMiddle) + tableChars.topRight + '\n' +
    renderRow(head, columnWidths) + '\n' +
    tableChars.leftMiddle + divider.join(tableChars.rowMiddle) + tableChars.rightMiddle + '\n';
  for (const row of rows) result += `${renderRow(row, columnWidths)}\n`;
  result += tableChars.bottomLeft + divider.join(tableChars.bottomMiddle) + tableChars.bottomRight;
  return result;
}

const consoleMethods = {
  log(...args) {
    writeToConsole(this, kUseStdout, formatFor(this, this._stdout, args));
  },

  warn(...args) {
    writeToConsole(this, kUseStderr, formatFor(this, this._stderr, args));
  },

  dir(object, options) {
    writeToConsole(this, kUseStdout, inspect(object, {
      customInspect: false,
      ...getInspectOptions(this, this._stdout),
      ...options,
    }));
  },

  time(label = 'default') {
    label = `${label}`;
    if (this[kTimers].has(label)) {
      process.emitWarning(`Label '${label}' already exists for console.time()`);
      return;
    }
    this[kTimers].set(label, now());
  },

  timeEnd(label = 'default') {
    label = `${label}`;
    const found = timeLogImpl(this, 'timeEnd', label);
    if (found) this[kTimers].delete(label);
  },

  timeLog(label = 'default', ...data) {
    label = `${label}`;
    timeLogImpl(this, 'timeLog', label, data);
  },

  trace: function trace(...args) {
    const err = { name: 'Trace', message: formatWithOptions(getInspectOptions(this, this._stderr), ...args) };
    Error.captureStackTrace(err, trace);
    this.error(stackOf(err));
  },

  assert(expression, ...args) {
    if (!expression) {
      args[0] = `Assertion failed${args.length === 0 ? '' : `: ${args[0]}`}`;
      Reflect.apply(this.warn, this, args);
    }
  },

  clear() {
    if (this._stdout.isTTY && process.env.TERM !== 'dumb') this._stdout.write('\u001b[1;1H\u001b[0J');
  },

  count(label = 'default') {
    label = `${label}`;
    const counts = this[kCounts];
    let count = counts.get(label);
    if (count === undefined) count = 1;
    else count++;
    counts.set(label, count);
    this.log(`${label}: ${count}`);
  },

  countReset(label = 'default') {
    const counts = this[kCounts];
    if (!counts.has(label)) {
      process.emitWarning(`Count for '${label}' does not exist`);
      return;
    }
    counts.delete(`${label}`);
  },

  group(...data) {
    if (data.length > 0) Reflect.apply(this.log, this, data);
    this[kGroupIndent] += ' '.repeat(this[kGroupIndentationWidth]);
  },

  groupEnd() {
    this[kGroupIndent] = this[kGroupIndent].slice(0, this[kGroupIndent].length - this[kGroupIndentationWidth]);
  },

  table(tabularData, properties) {
    if (properties !== undefined) validateArray(properties, 'properties');
    if (tabularData === null || typeof tabularData !== 'object') return this.log(tabularData);

    const final = (k, v) => this.log(renderTable(k, v));
    const _inspect = (v) => {
      const depth = v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 2 ? -1 : 0;
      const opt = { depth, maxArrayLength: 3, breakLength: Infinity, ...getInspectOptions(this, this._stdout) };
      return inspect(v, opt);
    };
    const getIndexArray = (length) => Array.from({ length }, (_, i) => _inspect(i));

    const isMapLike = tabularData instanceof Map ||
      require('internal:util').internalClass(tabularData) === 'Map Iterator';
    let isKeyValue = false;
    let i = 0;
    let mapIter = isMapLike;
    if (mapIter) {
      const res = require('internal:util').previewEntries(tabularData.entries ? tabularData.entries() : tabularData);
      if (res !== undefined) {
        tabularData = res[0];
        isKeyValue = res[1];
      }
    }
    if (isKeyValue || tabularData instanceof Map) {
      const keys = [];
      const values = [];
      let length = 0;
      if (isKeyValue) {
        for (; i < tabularData.length / 2; ++i) {
          keys.push(_inspect(tabularData[i * 2]));
          values.push(_inspect(tabularData[i * 2 + 1]));
          length++;
        }
      }
      return final(['(iteration index)', 'Key', 'Values'], [getIndexArray(length), keys, values]);
    }

    const setIter = require('internal:util').internalClass(tabularData) === 'Set Iterator';
    if (setIter) tabularData = [...tabularData];
    const setlike = setIter || mapIter || tabularData instanceof Set;
    if (setlike) {
      const values = [];
      let length = 0;
      for (const v of tabularData) {
        values.push(_inspect(v));
        length++;
      }
      return final(['(iteration index)', 'Values'], [getIndexArray(length), values]);
    }

    const map = Object.create(null);
    let hasPrimitives = false;
    const valuesKeyArray = [];
    const indexKeyArray = Object.keys(tabularData);
    for (; i < indexKeyArray.length; i++) {
      const item = tabularData[indexKeyArray[i]];
      const primitive = item === null || (typeof item !== 'function' && typeof item !== 'object');
      if (properties === undefined && primitive) {
        hasPrimitives = true;
        valuesKeyArray[i] = _inspect(item);
      } else {
        const keys = properties || Object.keys(item);
        for (const key of keys) {
          if (map[key] === undefined) map[key] = [];
          if ((primitive && properties) || !Object.prototype.hasOwnProperty.call(item, key)) {
            map[key][i] = '';
          } else {
            map[key][i] = _inspect(item[key]);
          }
        }
      }
    }
    const keys = Object.keys(map);
    const values = Object.values(map);
    if (hasPrimitives) {
      keys.push('Values');
      values.push(valuesKeyArray);
    }
    keys.unshift('(index)');
    values.unshift(indexKeyArray);
    return final(keys, values);
  },
};

consoleMethods.debug = consoleMethods.log;
consoleMethods.info = consoleMethods.log;
consoleMethods.dirxml = consoleMethods.log;
consoleMethods.error = consoleMethods.warn;
consoleMethods.groupCollapsed = consoleMethods.group;

function stackOf(err) {
  return err.stack;
}

for (const [name, fn] of Object.entries(consoleMethods)) {
  Object.defineProperty(Console.prototype, name, { value: fn, writable: true, enumerable: true, configurable: true });
}
// Inspector-only methods: present, doing nothing (as in Node without an inspector).
for (const name of ['profile', 'profileEnd', 'timeStamp', 'context']) {
  Object.defineProperty(Console.prototype, name, {
    value: function() {}, writable: true, enumerable: true, configurable: true,
  });
}

Object.defineProperty(Console, Symbol.hasInstance, {
  value(instance) {
    return instance !== null && typeof instance === 'object' && instance[kIsConsole] === true;
  },
});

// The global console: a plain object (not a Console instance), as in Node.
function makeGlobalConsole() {
  const globalConsole = { __proto__: {} };
  setupConsole(globalConsole, globalStream(1), globalStream(2), true, 'auto', undefined, 2);
  // Node's order: the console methods, Console, then the inspector-only ones.
  const inspectorOnly = ['profile', 'profileEnd', 'timeStamp', 'context'];
  // Each call is also told to a debugger that listens (CDP's consoleAPICalled).
  const bind = (key) => {
    const method = Console.prototype[key];
    const fn = {
      [key](...args) {
        if (processBinding.consoleObserved()) processBinding.consoleCalled(key, ...args);
        return Reflect.apply(method, globalConsole, args);
      },
    }[key];
    globalConsole[key] = fn;
  };
  for (const key of Object.keys(Console.prototype)) if (!inspectorOnly.includes(key)) bind(key);
  globalConsole.Console = Console;
  for (const key of inspectorOnly) bind(key);
  return globalConsole;
}

module.exports = makeGlobalConsole();
