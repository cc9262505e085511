// node:readline — Interface: lines from an input stream ('line', 'close',
// question(), prompt(), async iteration), and on a terminal a small line
// editor (printable keys, Backspace, Delete, Left/Right/Home/End, Up/Down
// through the history, Ctrl-A/E/U/K/W, Ctrl-C as 'SIGINT', Ctrl-D on an
// empty line closes); the cursor helpers; emitKeypressEvents.
'use strict';

const EventEmitter = require('events');
const { validateFunction, validateAbortSignal, validateUint32, validateString } = require('internal/validators');

function codes() {
  return require('internal/errors').codes;
}

const kHistorySize = 30;
const kSubstringSearch = Symbol('kSubstringSearch');

// ---- the cursor (ANSI sequences) ------------------------------------------------

const CSI = (strings, ...args) => {
  let ret = '\x1b[';
  for (let n = 0; n < strings.length; n++) {
    ret += strings[n];
    if (n < args.length) ret += args[n];
  }
  return ret;
};

function cursorTo(stream, x, y, callback) {
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (typeof y === 'function') {
    callback = y;
    y = undefined;
  }
  if (Number.isNaN(x)) throw new (codes().ERR_INVALID_ARG_VALUE)('x', x);
  if (Number.isNaN(y)) throw new (codes().ERR_INVALID_ARG_VALUE)('y', y);
  if (stream == null || (typeof x !== 'number' && typeof y !== 'number')) {
    if (typeof callback === 'function') process.nextTick(callback, null);
    return true;
  }
  if (typeof x !== 'number') throw new (codes().ERR_INVALID_CURSOR_POS)();
  const data = typeof y !== 'number' ? CSI`${x + 1}G` : CSI`${y + 1};${x + 1}H`;
  return stream.write(data, callback);
}

function moveCursor(stream, dx, dy, callback) {
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (stream == null || !(dx || dy)) {
    if (typeof callback === 'function') process.nextTick(callback, null);
    return true;
  }
  let data = '';
  if (dx < 0) data += CSI`${-dx}D`;
  else if (dx > 0) data += CSI`${dx}C`;
  if (dy < 0) data += CSI`${-dy}A`;
  else if (dy > 0) data += CSI`${dy}B`;
  return stream.write(data, callback);
}

function clearLine(stream, dir, callback) {
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (stream === null || stream === undefined) {
    if (typeof callback === 'function') process.nextTick(callback, null);
    return true;
  }
  const type = dir < 0 ? CSI`1K` : dir > 0 ? CSI`0K` : CSI`2K`;
  return stream.write(type, callback);
}

function clearScreenDown(stream, callback) {
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (stream === null || stream === undefined) {
    if (typeof callback === 'function') process.nextTick(callback, null);
    return true;
  }
  return stream.write(CSI`0J`, callback);
}

// ---- keypress events -----------------------------------------------------------

const kKeypressDecoder = Symbol('keypress-decoder');

// emitKeypressEvents(stream): 'keypress' (character, key) for each key the
// stream's text holds (escape sequences for arrows and the like decoded).
function emitKeypressEvents(stream, iface = {}) {
  if (stream[kKeypressDecoder]) return;
  stream[kKeypressDecoder] = true;
  const { StringDecoder } = require('string_decoder');
  const decoder = new StringDecoder('utf8');  // a character split between two reads stays whole
  function onData(input) {
    if (stream.listenerCount('keypress') > 0) {
      for (const [s, key] of parseKeys(typeof input === 'string' ? input : decoder.write(input))) {
        stream.emit('keypress', s, key);
      }
    } else {
      stream.removeListener('data', onData);
      stream.on('newListener', onNewListener);
      stream[kKeypressDecoder] = false;
    }
  }
  function onNewListener(event) {
    if (event === 'keypress') {
      stream.on('data', onData);
      stream.removeListener('newListener', onNewListener);
    }
  }
  if (stream.listenerCount('keypress') > 0) stream.on('data', onData);
  else stream.on('newListener', onNewListener);
}

const escapeKeys = {
  '[A': 'up', '[B': 'down', '[C': 'right', '[D': 'left', '[H': 'home', '[F': 'end', 'OA': 'up', 'OB': 'down',
  'OC': 'right', 'OD': 'left', 'OH': 'home', 'OF': 'end', '[1~': 'home', '[4~': 'end', '[3~': 'delete',
  '[2~': 'insert', '[5~': 'pageup', '[6~': 'pagedown', '[7~': 'home', '[8~': 'end', '[Z': 'tab',
};

// The keys in a chunk of terminal input: [sequence, key] pairs.
function parseKeys(s) {
  const out = [];
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const key = { sequence: ch, name: undefined, ctrl: false, meta: false, shift: false };
    if (ch === '\x1b') {
      const m = /^\x1b(\[[0-9;]*[A-Za-z~]|O[A-Za-z])/.exec(s.slice(i));
      if (m) {
        const seq = m[1].replace(/\d+;(\d+)/, '$1');
        key.sequence = m[0];
        key.name = escapeKeys[m[1]] ?? escapeKeys[seq] ?? 'undefined';
        if (m[1] === '[Z') key.shift = true;
        i += m[0].length - 1;
        out.push([undefined, key]);
        continue;
      }
      if (i + 1 < s.length) {
        key.meta = true;
        key.name = s[i + 1].toLowerCase();
        key.sequence = s.slice(i, i + 2);
        i++;
        out.push([undefined, key]);
        continue;
      }
      key.name = 'escape';
      out.push([undefined, key]);
      continue;
    }
    if (ch === '\r') key.name = 'return';
    else if (ch === '\n') key.name = 'enter';
    else if (ch === '\t') key.name = 'tab';
    else if (ch === '\b' || ch === '\x7f') key.name = 'backspace';
    else if (ch === ' ') key.name = 'space';
    else if (ch <= '\x1a') {
      key.name = String.fromCharCode(ch.charCodeAt(0) + 'a'.charCodeAt(0) - 1);
      key.ctrl = true;
    } else if (/^[0-9A-Za-z]$/.test(ch)) {
      key.name = ch.toLowerCase();
      key.shift = /^[A-Z]$/.test(ch);
    }
    out.push([ch, key]);
  }
  return out;
}

// ---- Interface -------------------------------------------------------------------

function Interface(input, output, completer, terminal) {
  if (!(this instanceof Interface)) return new Interface(input, output, completer, terminal);
  EventEmitter.call(this);
  let history;
  let historySize;
  let removeHistoryDuplicates = false;
  let crlfDelay;
  let prompt = '> ';
  let signal;
  if (input && input.input) {
    // createInterface({ input, output, ... })
    output = input.output;
    completer = input.completer;
    terminal = input.terminal;
    history = input.history;
    historySize = input.historySize;
    signal = input.signal;
    removeHistoryDuplicates = input.removeHistoryDuplicates;
    if (input.prompt !== undefined) prompt = input.prompt;
    crlfDelay = input.crlfDelay;
    input = input.input;
  }
  if (completer !== undefined && typeof completer !== 'function') {
    throw new (codes().ERR_INVALID_ARG_VALUE)('completer', completer);
  }
  if (history === undefined) history = [];
  else require('internal/validators').validateArray(history, 'history');
  if (historySize === undefined) historySize = kHistorySize;
  if (typeof historySize !== 'number' || Number.isNaN(historySize) || historySize < 0) {
    throw new (codes().ERR_INVALID_ARG_VALUE).RangeError('historySize', historySize);
  }
  if (terminal === undefined && !(output === null || output === undefined)) terminal = !!output.isTTY;
  if (signal) validateAbortSignal(signal, 'options.signal');

  this.isCompletionEnabled = true;
  this.escapeCodeTimeout = 500;
  this.tabSize = 8;
  this.line = '';
  this.output = output;
  this.input = input;
  this.history = history;
  this.historySize = historySize;
  this.removeHistoryDuplicates = !!removeHistoryDuplicates;
  this.crlfDelay = crlfDelay ? Math.max(100, crlfDelay) : 100;
  this.completer = completer;
  this.terminal = !!terminal;
  this._prompt = prompt;
  this.cursor = 0;
  this.historyIndex = -1;
  this.closed = false;
  this.paused = false;
  this._sawReturnAt = 0;
  this._lineBuffer = '';
  this._questionCallback = null;
  this._decoder = null;

  const self = this;
  this._ondata = function ondata(data) {
    self._normalWrite(data);
  };
  this._onend = function onend() {
    if (typeof self._lineBuffer === 'string' && self._lineBuffer.length > 0) self.emit('line', self._lineBuffer);
    self.close();
  };
  this._onkeypress = function onkeypress(s, key) {
    self._ttyWrite(s, key);
  };
  this._onresize = function onresize() {
    self._refreshLine();
  };
  if (this.terminal) {
    emitKeypressEvents(input, this);
    input.on('keypress', this._onkeypress);
    input.on('end', this._onend);
    this._setRawMode(true);
    if (output !== null && output !== undefined) output.on('resize', this._onresize);
  } else {
    input.on('data', this._ondata);
    input.on('end', this._onend);
  }
  if (signal) {
    const onAborted = () => self.close();
    if (signal.aborted) process.nextTick(onAborted);
    else {
      signal.addEventListener('abort', onAborted, { once: true });
      self.once('close', () => signal.removeEventListener('abort', onAborted));
    }
  }
  input.resume();
}
Object.setPrototypeOf(Interface.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Interface, EventEmitter);

Object.defineProperty(Interface.prototype, 'columns', {
  configurable: true,
  enumerable: true,
  get() {
    return this.output && this.output.columns ? this.output.columns : Infinity;
  },
});

Interface.prototype.setPrompt = function setPrompt(prompt) {
  this._prompt = prompt;
};

Interface.prototype.getPrompt = function getPrompt() {
  return this._prompt;
};

Interface.prototype._setRawMode = function _setRawMode(mode) {
  const wasInRawMode = this.input.isRaw;
  if (typeof this.input.setRawMode === 'function') this.input.setRawMode(mode);
  return wasInRawMode;
};

Interface.prototype.prompt = function prompt(preserveCursor) {
  if (this.paused) this.resume();
  if (this.terminal && process.env.TERM !== 'dumb') {
    if (!preserveCursor) this.cursor = 0;
    this._refreshLine();
  } else {
    this._writeToOutput(this._prompt);
  }
};

Interface.prototype.question = function question(query, options, cb) {
  cb = typeof options === 'function' ? options : cb;
  if (options !== null && typeof options === 'object') {
    const signal = options.signal;
    if (signal) {
      validateAbortSignal(signal, 'options.signal');
      if (signal.aborted) return;
      const onAbort = () => {
        this._questionCancel();
      };
      signal.addEventListener('abort', onAbort, { once: true });
      const cleanup = () => signal.removeEventListener('abort', onAbort);
      const originalCb = cb;
      cb = typeof cb === 'function' ? (answer) => {
        cleanup();
        return originalCb(answer);
      } : cleanup;
    }
  }
  if (this.closed) throw new (codes().ERR_USE_AFTER_CLOSE)('readline');
  if (typeof cb === 'function') {
    if (this._questionCallback) {
      this.prompt();
    } else {
      this._oldPrompt = this._prompt;
      this.setPrompt(query);
      this._questionCallback = cb;
      this.prompt();
    }
  }
};

Interface.prototype._questionCancel = function _questionCancel() {
  if (this._questionCallback) {
    this._questionCallback = null;
    this.setPrompt(this._oldPrompt);
    this.clearLine();
  }
};

Interface.prototype._onLine = function _onLine(line) {
  if (this._questionCallback) {
    const cb = this._questionCallback;
    this._questionCallback = null;
    this.setPrompt(this._oldPrompt);
    cb(line);
  } else {
    this.emit('line', line);
  }
};

Interface.prototype._writeToOutput = function _writeToOutput(stringToWrite) {
  validateString(stringToWrite, 'stringToWrite');
  if (this.output !== null && this.output !== undefined) this.output.write(stringToWrite);
};

Interface.prototype._addHistory = function _addHistory() {
  if (this.line.length === 0) return '';
  if (this.historySize === 0) return this.line;
  if (this.line.trim().length === 0) return this.line;
  if (this.history.length === 0 || this.history[0] !== this.line) {
    if (this.removeHistoryDuplicates) {
      const dupIndex = this.history.indexOf(this.line);
      if (dupIndex !== -1) this.history.splice(dupIndex, 1);
    }
    this.history.unshift(this.line);
    if (this.history.length > this.historySize) this.history.pop();
  }
  this.historyIndex = -1;
  const line = this.history[0];
  this.emit('history', this.history);
  return line;
};

Interface.prototype._refreshLine = function _refreshLine() {
  if (!this.output) return;
  this.output.write('\r\x1b[0K' + this._prompt + this.line);
  const back = this.line.length - this.cursor;
  if (back > 0) this.output.write(`\x1b[${back}D`);
};

Interface.prototype.close = function close() {
  if (this.closed) return;
  this.pause();
  if (this.terminal) this._setRawMode(false);
  this.closed = true;
  this.input.removeListener('data', this._ondata);
  this.input.removeListener('end', this._onend);
  this.input.removeListener('keypress', this._onkeypress);
  if (this.output) this.output.removeListener('resize', this._onresize);
  this.emit('close');
};

Interface.prototype.pause = function pause() {
  if (this.paused) return;
  this.input.pause();
  this.paused = true;
  this.emit('pause');
  return this;
};

Interface.prototype.resume = function resume() {
  if (!this.paused) return;
  this.input.resume();
  this.paused = false;
  this.emit('resume');
  return this;
};

Interface.prototype.write = function write(d, key) {
  if (this.paused) this.resume();
  if (this.terminal) this._ttyWrite(d, key);
  else this._normalWrite(d);
};

Interface.prototype.clearLine = function clearLine() {
  this.line = '';
  this.cursor = 0;
};

// Non-terminal input: split into lines on \r, \n or \r\n (a \r\n split
// across two chunks within crlfDelay counts once).
Interface.prototype._normalWrite = function _normalWrite(b) {
  if (b === undefined) return;
  let string = typeof b === 'string' ? b : decodeChunk(this, b);
  if (this._sawReturnAt && Date.now() - this._sawReturnAt <= this.crlfDelay) {
    if (string.charCodeAt(0) === 10) string = string.slice(1);
    this._sawReturnAt = 0;
  }
  const newPartContainsEnding = /\r?\n|\r(?!\n)/.test(string);
  if (this._lineBuffer) {
    string = this._lineBuffer + string;
    this._lineBuffer = null;
  }
  if (newPartContainsEnding) {
    this._sawReturnAt = string.endsWith('\r') ? Date.now() : 0;
    const lines = string.split(/\r\n|\n|\r/);
    this._lineBuffer = lines.pop();
    for (const line of lines) this._onLine(line);
  } else if (string) {
    this._lineBuffer = string;
  }
};

function decodeChunk(iface, chunk) {
  if (iface._decoder === null) {
    const { StringDecoder } = require('string_decoder');
    iface._decoder = new StringDecoder('utf8');
  }
  return iface._decoder.write(chunk);
}

Interface.prototype._insertString = function _insertString(c) {
  if (this.cursor < this.line.length) {
    this.line = this.line.slice(0, this.cursor) + c + this.line.slice(this.cursor);
    this.cursor += c.length;
    this._refreshLine();
  } else {
    this.line += c;
    this.cursor += c.length;
    this._writeToOutput(c);
  }
};

Interface.prototype._line = function _line() {
  const line = this._addHistory();
  this.clearLine();
  this._writeToOutput('\r\n');
  this._onLine(line);
};

// Terminal input: one key at a time.
Interface.prototype._ttyWrite = function _ttyWrite(s, key) {
  key = key || {};
  if (key.ctrl && !key.meta) {
    switch (key.name) {
      case 'c':
        if (this.listenerCount('SIGINT') > 0) this.emit('SIGINT');
        else this.close();
        return;
      case 'd':
        if (this.cursor === 0 && this.line.length === 0) this.close();
        else if (this.cursor < this.line.length) {
          this.line = this.line.slice(0, this.cursor) + this.line.slice(this.cursor + 1);
          this._refreshLine();
        }
        return;
      case 'a':
        this.cursor = 0;
        this._refreshLine();
        return;
      case 'e':
        this.cursor = this.line.length;
        this._refreshLine();
        return;
      case 'u':
        this.line = this.line.slice(this.cursor);
        this.cursor = 0;
        this._refreshLine();
        return;
      case 'k':
        this.line = this.line.slice(0, this.cursor);
        this._refreshLine();
        return;
      case 'w': {
        const before = this.line.slice(0, this.cursor).replace(/\S+\s*$/, '');
        this.line = before + this.line.slice(this.cursor);
        this.cursor = before.length;
        this._refreshLine();
        return;
      }
      case 'h':
        key = { name: 'backspace' };
        break;
      case 'm':
      case 'j':
        this._line();
        return;
      case 'l':
        cursorTo(this.output, 0, 0);
        clearScreenDown(this.output);
        this._refreshLine();
        return;
      default:
        return;
    }
  }
  switch (key.name) {
    case 'return':
    case 'enter':
      this._line();
      return;
    case 'backspace':
      if (this.cursor > 0) {
        this.line = this.line.slice(0, this.cursor - 1) + this.line.slice(this.cursor);
        this.cursor--;
        this._refreshLine();
      }
      return;
    case 'delete':
      if (this.cursor < this.line.length) {
        this.line = this.line.slice(0, this.cursor) + this.line.slice(this.cursor + 1);
        this._refreshLine();
      }
      return;
    case 'left':
      if (this.cursor > 0) {
        this.cursor--;
        this._refreshLine();
      }
      return;
    case 'right':
      if (this.cursor < this.line.length) {
        this.cursor++;
        this._refreshLine();
      }
      return;
    case 'home':
      this.cursor = 0;
      this._refreshLine();
      return;
    case 'end':
      this.cursor = this.line.length;
      this._refreshLine();
      return;
    case 'up':
    case 'down': {
      const index = this.historyIndex + (key.name === 'up' ? 1 : -1);
      if (index >= -1 && index < this.history.length) {
        this.historyIndex = index;
        this.line = index === -1 ? '' : this.history[index];
        this.cursor = this.line.length;
        this._refreshLine();
      }
      return;
    }
    case 'tab':
      if (typeof this.completer === 'function' && this.isCompletionEnabled) {
        this._tabComplete();
        return;
      }
      break;
    default:
      break;
  }
  if (typeof s === 'string' && s && !key.meta && !(key.ctrl)) this._insertString(s);
};

Interface.prototype._tabComplete = function _tabComplete() {
  this.pause();
  const string = this.line.slice(0, this.cursor);
  const finish = (err, value) => {
    this.resume();
    if (err) return;
    const [completions, completeOn] = value || [[], ''];
    if (!completions || completions.length === 0) return;
    if (completions.length === 1) {
      this._insertString(completions[0].slice(completeOn.length));
      return;
    }
    this._writeToOutput('\r\n' + completions.join('  ') + '\r\n');
    this._refreshLine();
  };
  if (this.completer.length === 2) this.completer(string, finish);
  else {
    try {
      finish(null, this.completer(string));
    } catch (err) {
      finish(err);
    }
  }
};

Interface.prototype[Symbol.asyncIterator] = function() {
  if (this._iterator === undefined) {
    this._iterator = EventEmitter.on(this, 'line', { close: ['close'] });
    const iterator = this._iterator;
    const next = iterator.next.bind(iterator);
    iterator.next = () => next().then((r) => (r.done ? r : { value: r.value[0], done: false }));
  }
  return this._iterator;
};

Interface.prototype.getCursorPos = function getCursorPos() {
  const cols = this.columns;
  const pos = this._prompt.length + this.cursor;
  return { cols: cols === Infinity ? pos : pos % cols, rows: cols === Infinity ? 0 : Math.floor(pos / cols) };
};

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

void validateUint32;
void kSubstringSearch;

module.exports = {
  Interface,
  clearLine,
  clearScreenDown,
  createInterface,
  cursorTo,
  emitKeypressEvents,
  moveCursor,
};
Object.defineProperty(module.exports, 'promises', {
  get() {
    return require('readline/promises');
  },
  enumerable: true,
  configurable: true,
});
