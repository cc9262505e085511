// node:readline/promises — Interface whose question() returns a promise,
// and Readline (a batch of cursor moves, committed at once).
'use strict';

const readline = require('readline');

class Interface extends readline.Interface {
  question(query, options = {}) {
    return new Promise((resolve, reject) => {
      let cb = resolve;
      if (options?.signal) {
        const { signal } = options;
        if (signal.aborted) {
          const { AbortError } = require('internal/errors');
          reject(new AbortError(undefined, { cause: signal.reason }));
          return;
        }
        const onAbort = () => {
          this._questionCancel();
          const { AbortError } = require('internal/errors');
          reject(new AbortError(undefined, { cause: signal.reason }));
        };
        signal.addEventListener('abort', onAbort, { once: true });
        cb = (answer) => {
          signal.removeEventListener('abort', onAbort);
          resolve(answer);
        };
      }
      readline.Interface.prototype.question.call(this, query, cb);
    });
  }
}

class Readline {
  constructor(stream, options = undefined) {
    this.stream = stream;
    this.autoCommit = !!options?.autoCommit;
    this.todo = [];
  }
  cursorTo(x, y = undefined) {
    this.todo.push(typeof y === 'number' ? `\x1b[${y + 1};${x + 1}H` : `\x1b[${x + 1}G`);
    return this.autoCommit ? this.commit() : this;
  }
  moveCursor(dx, dy) {
    let data = '';
    if (dx < 0) data += `\x1b[${-dx}D`;
    else if (dx > 0) data += `\x1b[${dx}C`;
    if (dy < 0) data += `\x1b[${-dy}A`;
    else if (dy > 0) data += `\x1b[${dy}B`;
    if (data) this.todo.push(data);
    return this.autoCommit ? this.commit() : this;
  }
  clearLine(dir) {
    this.todo.push(dir < 0 ? '\x1b[1K' : dir > 0 ? '\x1b[0K' : '\x1b[2K');
    return this.autoCommit ? this.commit() : this;
  }
  clearScreenDown() {
    this.todo.push('\x1b[0J');
    return this.autoCommit ? this.commit() : this;
  }
  commit() {
    return new Promise((resolve) => {
      this.stream.write(this.todo.join(''), resolve);
      this.todo = [];
    });
  }
  rollback() {
    this.todo = [];
    return this;
  }
}

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

module.exports = { Interface, Readline, createInterface };
