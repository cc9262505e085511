// atob and btoa (HTML §8.3, "forgiving-base64"): Latin-1 strings to and
// from base64, throwing DOMException InvalidCharacterError on bad input.
'use strict';

const kAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const kValue = new Map([...kAlphabet].map((c, i) => [c, i]));

function invalidCharacter(message) {
  const { DOMException } = require('internal/dom_exception');
  return new DOMException(message, 'InvalidCharacterError');
}

function missingArgs(name) {
  const { codes } = require('internal/errors');
  return new codes.ERR_MISSING_ARGS(name);
}

// btoa(data): every character must be Latin-1 (code unit < 256).
function btoa(input) {
  if (arguments.length === 0) throw missingArgs('input');
  input = `${input}`;
  let out = '';
  for (let i = 0; i < input.length; i += 3) {
    const a = input.charCodeAt(i);
    const b = i + 1 < input.length ? input.charCodeAt(i + 1) : 0;
    const c = i + 2 < input.length ? input.charCodeAt(i + 2) : 0;
    if (a > 255 || b > 255 || c > 255) throw invalidCharacter('Invalid character');
    const n = (a << 16) | (b << 8) | c;
    out += kAlphabet[(n >> 18) & 63] + kAlphabet[(n >> 12) & 63] +
      (i + 1 < input.length ? kAlphabet[(n >> 6) & 63] : '=') + (i + 2 < input.length ? kAlphabet[n & 63] : '=');
  }
  return out;
}

// atob(data): forgiving-base64 decode (ASCII whitespace ignored; "=" only
// as padding; a length of 1 mod 4 is an error).
function atob(input) {
  if (arguments.length === 0) throw missingArgs('input');
  input = `${input}`.replace(/[\t\n\f\r ]/g, '');
  if (input.length % 4 === 0) input = input.replace(/==?$/, '');
  if (input.length % 4 === 1 || /[^A-Za-z0-9+/]/.test(input)) {
    throw invalidCharacter('The string to be decoded is not correctly encoded.');
  }
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const c of input) {
    buffer = (buffer << 6) | kValue.get(c);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((buffer >> bits) & 255);
    }
  }
  return out;
}

module.exports = { atob, btoa };
