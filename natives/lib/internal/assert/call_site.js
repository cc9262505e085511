// The source text of a call, for assert.ok()'s generated message: given the
// file, line and column a stack frame names for the call, the whole call
// expression (callee through its closing parenthesis, over several lines if
// it spans them). A scanner, not a parser: it skips strings, template
// literals and comments while it balances brackets.
'use strict';

const binding = require('internal:process');

const kMaxLines = 200;

function isCalleeChar(c) {
  return c !== undefined && /[\w$.?\s\])]/.test(c);
}

// Where the call starts on `text`: back from `col` over the callee (names,
// dots, optional chaining and bracketed or parenthesized parts).
function calleeStart(text, col) {
  let i = col;
  while (i > 0) {
    const c = text[i - 1];
    if (c === ')' || c === ']') {
      const open = c === ')' ? '(' : '[';
      let depth = 0;
      let j = i - 1;
      for (; j >= 0; j--) {
        if (text[j] === c) depth++;
        else if (text[j] === open && --depth === 0) break;
      }
      if (j < 0) break;
      i = j;
      continue;
    }
    if (c === '(' && /^\s*[\w$]/.test(text.slice(i)) && text[i - 2] !== undefined && /[\w$]/.test(text[i - 2])) break;
    if (c === '(') {
      // "(assert)(x)": the parenthesized callee belongs to the call.
      const close = matchingClose(text, i - 1);
      if (close !== -1 && close < col && /^\s*\(/.test(text.slice(close + 1))) {
        i--;
        continue;
      }
      break;
    }
    if (!isCalleeChar(c)) break;
    if (/\s/.test(c) && !/^\s*[.?]/.test(text.slice(i)) && !/[.?]\s*$/.test(text.slice(0, i))) break;
    i--;
  }
  while (/\s/.test(text[i] ?? '')) i++;
  return i;
}

function matchingClose(text, open) {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

// Scans from `start` (at or before the call's opening parenthesis) to the
// parenthesis that closes it; returns the end index or -1.
function callEnd(code, start) {
  let depth = 0;
  let opened = false;
  const closers = [];
  for (let i = start; i < code.length; i++) {
    const c = code[i];
    if (c === '"' || c === "'") {
      i = skipQuoted(code, i, c);
      if (i < 0) return -1;
    } else if (c === '`') {
      i = skipTemplate(code, i);
      if (i < 0) return -1;
    } else if (c === '/' && code[i + 1] === '/') {
      const nl = code.indexOf('\n', i);
      if (nl < 0) return -1;
      i = nl;
    } else if (c === '/' && code[i + 1] === '*') {
      const close = code.indexOf('*/', i + 2);
      if (close < 0) return -1;
      i = close + 1;
    } else if (c === '(' || c === '[' || c === '{') {
      closers.push(c === '(' ? ')' : c === '[' ? ']' : '}');
      depth++;
    } else if (c === ')' || c === ']' || c === '}') {
      if (closers.pop() !== c) return -1;
      depth--;
      if (depth === 0 && c === ')') {
        // A parenthesized callee "(assert)(x)" closes before the call opens.
        if (!opened && /^\s*\(/.test(code.slice(i + 1))) {
          opened = true;
          continue;
        }
        return i + 1;
      }
    }
  }
  return -1;
}

function skipQuoted(code, i, quote) {
  for (i++; i < code.length; i++) {
    if (code[i] === '\\') i++;
    else if (code[i] === quote) return i;
    else if (code[i] === '\n') return -1;
  }
  return -1;
}

function skipTemplate(code, i) {
  for (i++; i < code.length; i++) {
    if (code[i] === '\\') {
      i++;
    } else if (code[i] === '`') {
      return i;
    } else if (code[i] === '$' && code[i + 1] === '{') {
      let depth = 0;
      for (i++; i < code.length; i++) {
        if (code[i] === '{') depth++;
        else if (code[i] === '}' && --depth === 0) break;
        else if (code[i] === '`') i = skipTemplate(code, i);
        if (i < 0) return -1;
      }
    }
  }
  return -1;
}

// Control characters in the quoted code are shown as \u escapes.
function escapeControls(text) {
  return text.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g,
                      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// callExpressionAt(file, line, column): the call's text with continuation
// lines' indentation taken away, or undefined where there is no source
// (an [eval] or REPL script, a built-in module) or no call to be found.
function callExpressionAt(file, line, column) {
  if (file.startsWith('node:') || file.startsWith('[eval') || /^REPL\d+$/.test(file)) return undefined;
  const first = binding.sourceLine(file, line);
  if (first === undefined) return undefined;
  const start = calleeStart(first, column - 1);
  let code = first;
  let end = callEnd(code, start);
  for (let n = 1; end === -1 && n < kMaxLines; n++) {
    const next = binding.sourceLine(file, line + n);
    if (next === undefined) break;
    code += '\n' + next;
    end = callEnd(code, start);
  }
  if (end === -1) return undefined;
  const lines = code.slice(start, end).split('\n');
  let text = lines[0];
  for (let i = 1; i < lines.length; i++) {
    let pos = 0;
    while (pos < start && (lines[i][pos] === ' ' || lines[i][pos] === '\t')) pos++;
    text += `\n  ${lines[i].slice(pos)}`;
  }
  return escapeControls(text);
}

module.exports = { callExpressionAt };
