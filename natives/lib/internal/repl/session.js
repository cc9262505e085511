// The REPL's logic, as Node's: what happens to each line typed. The line
// editor (tools/glass/repl.cpp on libedit, or a plain line reader when
// stdin is not a terminal) hands lines in and shows the prompt this asks for.
//
//   const session = createSession(host);   host: { write(text), ready(prompt), close(), terminal, colors }
//   session.line(text)    a line typed: run it, or wait for more ("... ")
//   session.interrupt()   Ctrl-C
//   session.eof()         Ctrl-D on an empty line
//   session.complete(line) -> [completions, the word they complete]
//
// An input runs as a global Script named REPL<n> (so `let` declarations
// persist); `{ a: 1 }` is an object, not a block; unfinished input ("if (x)
// {") continues on the next line; top-level await works (the input is
// rewritten into an async function, internal:repl); `_` is the last result
// and `_error` the last error, until the program assigns them itself.
'use strict';

const binding = require('internal:repl');
const modules = require('internal:modules');
const { inspect } = require('internal/util/inspect');
const path = require('path');

const kPrompt = '> ';
const kContinuation = '... ';

const commands = {
  break: { help: 'Sometimes you get stuck, this gets you out', action(session) {
    session.buffer = [];
  } },
  clear: { help: 'Alias for .break', action(session) {
    session.buffer = [];
  } },
  editor: { help: 'Enter editor mode', terminalOnly: true, action(session) {
    session.editorMode = true;
    session.editorLines = [];
    session.host.write('// Entering editor mode (Ctrl+D to finish, Ctrl+C to cancel)\n');
  } },
  exit: { help: 'Exit the REPL', action(session) {
    session.closed = true;
  } },
  help: { help: 'Print this help message', action(session) {
    const names = Object.keys(commands).filter((n) => session.host.terminal || !commands[n].terminalOnly).sort();
    const width = Math.max(...names.map((n) => n.length)) + 3;
    let out = '';
    for (const name of names) out += `.${name.padEnd(width)}${commands[name].help}\n`;
    out += '\nPress Ctrl+C to abort current expression, Ctrl+D to exit the REPL\n';
    session.host.write(out);
  } },
  load: { help: 'Load JS from a file into the REPL session', action(session, file) {
    const text = modules.readFile(path.resolve(file));
    if (text === undefined) {
      session.host.write(`Failed to load: ${file}\n`);
      return;
    }
    session.runInput(text);
    session.lines.push(...text.split('\n'));
  } },
  save: { help: 'Save all evaluated commands in this REPL session to a file', action(session, file) {
    try {
      require('fs').writeFileSync(file, session.lines.join('\n'));
      session.host.write(`Session saved to: ${file}\n`);
    } catch {
      session.host.write(`Failed to save: ${file}\n`);
    }
  } },
};

const kUnset = Symbol('unset');

class Session {
  constructor(host) {
    this.host = host;
    this.buffer = [];      // lines of an unfinished input
    this.lines = [];       // everything evaluated (.save)
    this.counter = 0;
    this.closed = false;
    this.busy = false;
    this.editorMode = false;
    this.editorLines = [];
    this.interruptedOnce = false;
    this.last = kUnset;
    this.lastError = kUnset;
    this.defineResultGlobals();
  }

  // `_` and `_error`: kept up to date until the program assigns one.
  defineResultGlobals() {
    const session = this;
    for (const [name, field] of [['_', 'last'], ['_error', 'lastError']]) {
      Object.defineProperty(globalThis, name, {
        get() {
          return session[field] === kUnset ? undefined : session[field];
        },
        set(value) {
          Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: false });
          session.host.write(`Expression assignment to ${name} now disabled.\n`);
        },
        configurable: true,
        enumerable: false,
      });
    }
  }

  prompt() {
    if (this.editorMode) return '';
    return this.buffer.length > 0 ? kContinuation : kPrompt;
  }

  ready() {
    if (this.closed) this.host.close();
    else this.host.ready(this.prompt());
  }

  line(text) {
    this.interruptedOnce = false;
    if (this.editorMode) {
      this.editorLines.push(text);
      this.host.ready('');
      return;
    }
    const trimmed = text.trim();
    // A REPL command (.help, .break, ...), also in the middle of an
    // unfinished input; an unknown one is an error only on a fresh line.
    if (trimmed.startsWith('.') && trimmed[1] !== '.' && Number.isNaN(Number.parseFloat(trimmed))) {
      const match = /^\.(\S+)\s*(.*)$/.exec(trimmed);
      const command = match && commands[match[1]];
      if (command && (this.host.terminal || !command.terminalOnly)) {
        command.action(this, match[2]);
        this.ready();
        return;
      }
      if (this.buffer.length === 0) {
        this.host.write('Invalid REPL keyword\n');
        this.ready();
        return;
      }
    }
    this.buffer.push(text);
    const code = this.buffer.join('\n');
    if (trimmed !== '' && binding.isRecoverable(code)) {
      this.host.ready(kContinuation);
      return;
    }
    this.buffer = [];
    this.lines.push(...code.split('\n'));
    this.runInput(code);
  }

  // Runs one complete input; shows the next prompt when it is done (after
  // its promise settles, for a top-level await).
  runInput(code) {
    if (code.trim() === '') {
      this.ready();
      return;
    }
    const name = `REPL${++this.counter}`;
    let source = code;
    // `{ a: 1 }` is an object literal, as in Node (unless it only parses as a block).
    if (/^\s*\{/.test(code) && /\}\s*$/.test(code)) {
      const wrapped = `(${code.trim()})`;
      if (!binding.isRecoverable(wrapped) && parsesAsScript(wrapped)) source = wrapped;
    }
    const awaited = binding.processTopLevelAwait(source);
    let result;
    try {
      result = modules.evalScript(awaited === undefined ? source : awaited, name);
    } catch (error) {
      this.showError(error, code);
      this.ready();
      return;
    }
    if (awaited === undefined) {
      this.showResult(result);
      this.ready();
      return;
    }
    this.busy = true;
    Promise.resolve(result).then(
      (value) => {
        this.busy = false;
        this.showResult(value);
        this.ready();
      },
      (error) => {
        this.busy = false;
        this.showError(error, code);
        this.ready();
      });
  }

  showResult(value) {
    if (Object.getOwnPropertyDescriptor(globalThis, '_')?.get !== undefined) this.last = value;
    this.host.write(`${inspect(value, { colors: this.host.colors, showProxy: true })}\n`);
  }

  showError(error, code) {
    if (Object.getOwnPropertyDescriptor(globalThis, '_error')?.get !== undefined) this.lastError = error;
    let text;
    if (error instanceof SyntaxError && typeof error.stack === 'string' && /\n {4}at REPL\d+:\d+:\d+$/.test(error.stack)) {
      // A SyntaxError in the input itself: its line and a caret, then the error.
      const m = /at REPL\d+:(\d+):(\d+)$/.exec(error.stack);
      const sourceLine = code.split('\n')[Number(m[1]) - 1] ?? '';
      text = `${sourceLine}\n${' '.repeat(Math.max(0, Number(m[2]) - 1))}^\n\nUncaught SyntaxError: ${error.message}`;
    } else if (error !== null && typeof error === 'object' && require('internal:util').internalClass(error) === 'Error') {
      text = `Uncaught ${trimReplFrames(inspect(error, { colors: this.host.colors }))}`;
    } else {
      text = `Uncaught ${inspect(error, { colors: this.host.colors })}`;
    }
    this.host.write(`${text}\n`);
  }

  // Ctrl-C: drops an unfinished input; on an empty line, says how to leave,
  // and leaves on the second press in a row.
  interrupt(lineHadText) {
    if (this.editorMode) {
      this.editorMode = false;
      this.editorLines = [];
      this.host.write('\n');
      this.ready();
      return;
    }
    if (this.buffer.length > 0 || lineHadText) {
      this.buffer = [];
      this.interruptedOnce = false;
      this.ready();
      return;
    }
    if (this.interruptedOnce) {
      this.closed = true;
      this.ready();
      return;
    }
    this.interruptedOnce = true;
    this.host.write('(To exit, press Ctrl+C again or Ctrl+D or type .exit)\n');
    this.ready();
  }

  // Ctrl-D: runs the editor's text, or ends the REPL.
  eof() {
    if (this.editorMode) {
      this.editorMode = false;
      const code = this.editorLines.join('\n');
      this.editorLines = [];
      this.lines.push(...code.split('\n'));
      this.runInput(code);
      return;
    }
    this.closed = true;
    this.ready();
  }

  complete(line) {
    return complete(line);
  }
}

function parsesAsScript(code) {
  return require('internal:repl').isRecoverable(code) === false && !throwsSyntaxError(code);
}

function throwsSyntaxError(code) {
  try {
    new Function(`return ${code}`);
    return false;
  } catch {
    return true;
  }
}

// Frames of the REPL's own inputs at top level (and what called them) say
// nothing the user can use: Node leaves them out.
function trimReplFrames(text) {
  const lines = text.split('\n');
  const out = [];
  for (const line of lines) {
    if (/^\s+at REPL\d+:\d+:\d+$/.test(line)) break;
    if (/^\s+at .* \(REPL\d+\)$/.test(line)) continue;  // a frame without a position (a default constructor)
    if (/^\s+at .* \(<anonymous>\)$/.test(line)) continue;  // a built-in function the input called
    if (/^\s+at .*\(node:internal\//.test(line) || /^\s+at node:internal\//.test(line)) break;
    out.push(line);
  }
  // Keep the rest of the inspect output (extra properties) after the frames.
  const braceAt = lines.findIndex((l, i) => i >= out.length && /\{$/.test(l));
  if (braceAt !== -1) {
    out[out.length - 1] += ' {';
    out.push(...lines.slice(braceAt + 1));
  }
  return out.join('\n');
}

// ---- tab completion ----------------------------------------------------------

const keywords = ['await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default',
  'delete', 'do', 'else', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in',
  'instanceof', 'let', 'new', 'null', 'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof',
  'undefined', 'var', 'void', 'while', 'with', 'yield'];

// Properties of `object` and its prototypes, nearest first, without duplicates.
function propertyNames(object) {
  const seen = new Set();
  const out = [];
  for (let o = object; o !== null && o !== undefined; o = Object.getPrototypeOf(o)) {
    let names;
    try {
      names = Object.getOwnPropertyNames(o);
    } catch {
      break;
    }
    for (const n of names) {
      if (!seen.has(n) && /^[A-Za-z_$][\w$]*$/.test(n)) {
        seen.add(n);
        out.push(n);
      }
    }
    if (typeof o !== 'object' && typeof o !== 'function') o = Object(o);
  }
  return out;
}

// [completions, completed word]: REPL commands after '.', properties after
// `expr.`, else globals, declarations and keywords. Only simple property
// paths are evaluated (no calls): completing must not run code.
function complete(line) {
  if (/^\s*\.\w*$/.test(line)) {
    const word = line.trim().slice(1);
    return [Object.keys(commands).filter((c) => c.startsWith(word)).map((c) => `.${c}`), line.trim()];
  }
  const m = /(?:^|[^\w$.\])'"`])((?:[A-Za-z_$][\w$]*(?:\.|\?\.))*)([A-Za-z_$][\w$]*)?$/.exec(line);
  if (m === null) return [[], ''];
  const chain = m[1];
  const word = m[2] || '';
  let names;
  if (chain === '') {
    names = [...new Set([...propertyNames(globalThis), ...globalLexicalNames(), ...keywords])];
  } else {
    const expr = chain.replace(/\??\.$/, '');
    let target;
    try {
      target = modules.evalScript(`(${expr})`, 'REPL-completion');
    } catch {
      return [[], word];
    }
    names = propertyNames(target);
  }
  return [names.filter((n) => n.startsWith(word)).sort(), word];
}

// let/const/class declared by earlier inputs live in the global lexical
// scope: not properties of globalThis, but completions all the same.
const lexicalNames = new Set();
function globalLexicalNames() {
  return [...lexicalNames];
}

function rememberDeclarations(code) {
  for (const m of code.matchAll(/\b(?:let|const|class)\s+([A-Za-z_$][\w$]*)/g)) lexicalNames.add(m[1]);
}

// The REPL's globals besides the program's own: require and module (a
// module in the current directory, as Node's '<repl>'), and the built-in
// modules by name (typing `fs` loads require('fs')).
function defineReplGlobals() {
  const { Module, makeRequireFunction } = require('internal/modules/cjs/loader');
  const module = new Module('<repl>', undefined);
  module.paths = Module._nodeModulePaths(process.cwd());
  const define = (name, value) =>
    Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: false });
  define('module', module);
  define('require', makeRequireFunction(module));
  require('internal/modules/cjs/loader').addBuiltinGlobals();
}

function createSession(host) {
  defineReplGlobals();
  const session = new Session(host);
  const runInput = session.runInput.bind(session);
  session.runInput = (code) => {
    rememberDeclarations(code);
    runInput(code);
  };
  return session;
}

module.exports = { createSession, complete };
