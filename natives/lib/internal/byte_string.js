// Byte strings: binary data as a string of code units 0-255, one per byte,
// as the bindings (fs, crypto) pass bytes. decodeBytes/encodeString convert
// between byte strings and text in Node's encodings (already normalized);
// toBuffer makes the Buffer Node returns of a byte string.
'use strict';

const binding = require('internal:fs');  // its utf8Encode/utf8Decode
const { normalizeEncoding } = require('internal/util');

const base64Chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const base64UrlChars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function decodeBytes(bytes, encoding) {
  let out = '';
  switch (encoding) {
    case 'utf8': return binding.utf8Decode(bytes);
    case 'latin1': return bytes;
    case 'ascii':
      for (let i = 0; i < bytes.length; i++) out += String.fromCharCode(bytes.charCodeAt(i) & 0x7f);
      return out;
    case 'hex':
      for (let i = 0; i < bytes.length; i++) out += bytes.charCodeAt(i).toString(16).padStart(2, '0');
      return out;
    case 'utf16le':
      for (let i = 0; i + 1 < bytes.length; i += 2)
        out += String.fromCharCode(bytes.charCodeAt(i) | (bytes.charCodeAt(i + 1) << 8));
      return out;
    default: {  // base64, base64url
      const chars = encoding === 'base64' ? base64Chars : base64UrlChars;
      for (let i = 0; i < bytes.length; i += 3) {
        const n = (bytes.charCodeAt(i) << 16) | ((bytes.charCodeAt(i + 1) || 0) << 8) | (bytes.charCodeAt(i + 2) || 0);
        const left = bytes.length - i;
        out += chars[(n >> 18) & 63] + chars[(n >> 12) & 63];
        out += left > 1 ? chars[(n >> 6) & 63] : (encoding === 'base64' ? '=' : '');
        out += left > 2 ? chars[n & 63] : (encoding === 'base64' ? '=' : '');
      }
      return out;
    }
  }
}

// A string as the byte string `encoding` makes of it (utf8 and latin1 go to the binding directly).
function encodeString(text, encoding) {
  let out = '';
  switch (encoding) {
    case 'utf8': return binding.utf8Encode(text);
    case 'latin1': case 'ascii':
      for (let i = 0; i < text.length; i++) out += String.fromCharCode(text.charCodeAt(i) & 0xff);
      return out;
    case 'hex':
      for (let i = 0; i + 1 < text.length; i += 2) {
        const byte = parseInt(text.slice(i, i + 2), 16);
        if (!/^[0-9a-fA-F]{2}$/.test(text.slice(i, i + 2))) break;
        out += String.fromCharCode(byte);
      }
      return out;
    case 'utf16le':
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        out += String.fromCharCode(c & 0xff, c >> 8);
      }
      return out;
    default: {  // base64 and base64url both read either alphabet; other characters are skipped
      let bits = 0, count = 0;
      for (const ch of text) {
        let v = base64Chars.indexOf(ch);
        if (v < 0) v = ch === '-' ? 62 : ch === '_' ? 63 : -1;
        if (ch === '=') break;
        if (v < 0) continue;
        bits = (bits << 6) | v;
        count += 6;
        if (count >= 8) {
          count -= 8;
          out += String.fromCharCode((bits >> count) & 0xff);
        }
      }
      return out;
    }
  }
}

// Binary results (fs.readFile without an encoding, digests, random bytes)
// are Buffers: a byte string becomes one, and a view's bytes a byte string.
function toBuffer(bytes) {
  return require('buffer').Buffer.from(bytes, 'latin1');
}

function viewToByteString(view) {
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  return require('internal:buffer').latin1Slice(bytes, 0, bytes.length);
}

module.exports = { toBuffer, viewToByteString, decodeBytes, encodeString };
