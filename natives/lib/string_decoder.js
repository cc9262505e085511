// string_decoder: StringDecoder turns a series of Buffers into text without
// breaking a character split between two of them: write() decodes what is
// complete and keeps the rest (an unfinished UTF-8 sequence, the odd byte or
// a lone high surrogate of UTF-16, the 1-2 bytes past a base64 group) for
// the next write; end() flushes it as Node 20 does (U+FFFD for UTF-8).
'use strict';

const { Buffer } = require('buffer');
const { normalizeEncoding } = require('internal/util');

function codes() {
  return require('internal/errors').codes;
}

const kPending = Symbol('kPending');

// How many bytes at the end of `bytes` start a character that is not complete yet.
const incompleteTail = {
  utf8(bytes) {
    const len = bytes.length;
    let i = len - 1;
    let continuation = 0;
    while (i >= 0 && continuation < 3 && (bytes[i] & 0xC0) === 0x80) {
      i--;
      continuation++;
    }
    if (i < 0) return 0;
    const lead = bytes[i];
    const need = lead >= 0xF8 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    return need > len - i ? len - i : 0;
  },
  utf16le(bytes) {
    let tail = bytes.length % 2;
    const end = bytes.length - tail;
    if (end >= 2) {
      const unit = bytes[end - 2] | (bytes[end - 1] << 8);
      if (unit >= 0xD800 && unit <= 0xDBFF) tail += 2;  // a high surrogate waits for its low half
    }
    return tail;
  },
  base64: (bytes) => bytes.length % 3,
  base64url: (bytes) => bytes.length % 3,
};

// What end() makes of the bytes still held.
const flushTail = {
  utf8: (held) => (held.length ? '\ufffd' : ''),
  utf16le: (held) => held.toString('utf16le', 0, held.length - (held.length % 2)),
  base64: (held) => held.toString('base64'),
  base64url: (held) => held.toString('base64url'),
};

function StringDecoder(encoding) {
  const name = normalizeEncoding(encoding);
  if (name === undefined) throw new (codes().ERR_UNKNOWN_ENCODING)(encoding);
  this.encoding = name;
  this[kPending] = Buffer.alloc(0);
}

function toBuffer(buf) {
  if (Buffer.isBuffer(buf)) return buf;
  if (ArrayBuffer.isView(buf)) return Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  throw new (codes().ERR_INVALID_ARG_TYPE)('buf', ['Buffer', 'TypedArray', 'DataView'], buf);
}

// decoder.write(buffer): the text of the complete characters so far.
StringDecoder.prototype.write = function write(buf) {
  if (typeof buf === 'string') return buf;
  buf = toBuffer(buf);
  const tailOf = incompleteTail[this.encoding];
  if (tailOf === undefined) return buf.toString(this.encoding);
  if (this.encoding === 'utf16le') return writeUtf16(this, buf);
  const bytes = this[kPending].length ? Buffer.concat([this[kPending], buf]) : buf;
  const tail = tailOf(bytes);
  this[kPending] = Buffer.from(bytes.subarray(bytes.length - tail));
  return bytes.toString(this.encoding, 0, bytes.length - tail);
};

// UTF-16 as Node does it: a held unit is completed and given out on its own
// (a high surrogate completed from a held byte is not held again), then the
// rest is decoded with its own tail held.
function writeUtf16(decoder, buf) {
  let text = '';
  let start = 0;
  const pending = decoder[kPending];
  if (pending.length) {
    const need = (pending.length === 1 ? 2 : 4) - pending.length;
    if (buf.length < need) {
      decoder[kPending] = Buffer.concat([pending, buf]);
      return '';
    }
    text = Buffer.concat([pending, buf.subarray(0, need)]).toString('utf16le');
    start = need;
    decoder[kPending] = Buffer.alloc(0);
  }
  const rest = buf.subarray(start);
  const tail = rest.length % 2 ? 1 : incompleteTail.utf16le(rest);
  decoder[kPending] = Buffer.from(rest.subarray(rest.length - tail));
  return text + rest.toString('utf16le', 0, rest.length - tail);
}

// decoder.end([buffer]): the rest, with whatever is still held flushed.
StringDecoder.prototype.end = function end(buf) {
  const text = buf === undefined ? '' : this.write(buf);
  const flush = flushTail[this.encoding];
  if (flush === undefined || this[kPending].length === 0) return text;
  const held = this[kPending];
  this[kPending] = Buffer.alloc(0);
  return text + flush(held);
};

// decoder.text(buffer, offset): write() of the bytes from offset on.
StringDecoder.prototype.text = function text(buf, offset) {
  return this.write(toBuffer(buf).subarray(offset));
};

Object.defineProperties(StringDecoder.prototype, {
  lastNeed: {
    get() {
      const held = this[kPending].length;
      if (held === 0) return 0;
      if (this.encoding === 'utf8') {
        const lead = this[kPending][0];
        return (lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2) - held;
      }
      if (this.encoding === 'utf16le') return held % 2 ? 1 : 2;
      return 3 - held;
    },
    configurable: true, enumerable: true,
  },
  lastChar: {
    get() {
      const out = Buffer.alloc(4);
      this[kPending].copy(out);
      return out;
    },
    configurable: true, enumerable: true,
  },
});

module.exports = { StringDecoder };
