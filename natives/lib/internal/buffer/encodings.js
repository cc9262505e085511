// One row per Node encoding (already normalized by internal/util's
// normalizeEncoding): how many bytes a string takes, how bytes become a
// string (slice) and how a string becomes bytes (write). Strings are turned
// into byte strings by internal/byte_string.js; internal:buffer moves the
// bytes in and out of the Uint8Array.
'use strict';

const binding = require('internal:buffer');
const { decodeBytes, encodeString } = require('internal/byte_string');

// base64 without its padding: 3 bytes per 4 characters.
function base64ByteLength(str) {
  let len = str.length;
  if (str.charCodeAt(len - 1) === 0x3D) len--;
  if (len > 1 && str.charCodeAt(len - 1) === 0x3D) len--;
  return (len * 3) >>> 2;
}

// Writes the byte string `bytes` into buf at offset, at most `max` bytes,
// never a part of a character (UTF-8, UTF-16) — Node's StringBytes::Write.
function writeByteString(buf, bytes, offset, max, encoding) {
  let n = Math.min(bytes.length, max, buf.length - offset);
  if (n < bytes.length) {
    if (encoding === 'utf8') {
      while (n > 0 && (bytes.charCodeAt(n) & 0xC0) === 0x80) n--;
    } else if (encoding === 'utf16le') {
      n -= n % 2;
    }
  }
  if (n <= 0) return 0;
  return binding.latin1Write(buf, bytes, offset, n);
}

function makeOps(encoding, byteLength) {
  const ops = {
    encoding,
    byteLength,
    // latin1 and ascii keep each code unit's low byte: latin1Write does that itself.
    toBytes: encoding === 'latin1' || encoding === 'ascii' ? (str) => str : (str) => encodeString(str, encoding),
    slice: encoding === 'utf8' ? (buf, start, end) => binding.utf8Slice(buf, start, end)
      : encoding === 'latin1' ? (buf, start, end) => binding.latin1Slice(buf, start, end)
        : (buf, start, end) => decodeBytes(binding.latin1Slice(buf, start, end), encoding),
    write: (buf, str, offset, max) => writeByteString(buf, ops.toBytes(str), offset, max, encoding),
  };
  return ops;
}

const encodingOps = {
  utf8: makeOps('utf8', (str) => encodeString(str, 'utf8').length),
  utf16le: makeOps('utf16le', (str) => str.length * 2),
  latin1: makeOps('latin1', (str) => str.length),
  ascii: makeOps('ascii', (str) => str.length),
  base64: makeOps('base64', base64ByteLength),
  base64url: makeOps('base64url', base64ByteLength),
  hex: makeOps('hex', (str) => str.length >>> 1),
};

module.exports = { encodingOps, writeByteString };
