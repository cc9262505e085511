// OutgoingMessage: what ServerResponse and ClientRequest share — the header
// table, the head's serialization (Content-Length or chunked, Date,
// Connection as Node decides), and body writes onto the socket. Like Node's,
// it is a legacy Stream with write/end, not a stream.Writable.
'use strict';

const { Stream } = require('internal/streams/legacy');
const { Buffer } = require('buffer');
const { validateHeaderName, validateHeaderValue, utcDate, toByteString, isChunk, codes } =
  require('internal/http/common');

function OutgoingMessage() {
  Stream.call(this);
  this.outputData = [];      // byte strings written before a socket is assigned
  this.outputSize = 0;
  this.writable = true;
  this.destroyed = false;
  this._last = false;
  this.chunkedEncoding = false;
  this.shouldKeepAlive = true;
  this.useChunkedEncodingByDefault = true;
  this.sendDate = false;
  this._hasBody = true;
  this._contentLength = null;
  this._header = null;       // the head as sent, once sent
  this._headerTable = null;  // lower-cased name -> [name as set, value]
  this.finished = false;     // end() was called
  this._finished = false;    // 'finish' emitted
  this.socket = null;
}
Object.setPrototypeOf(OutgoingMessage.prototype, Stream.prototype);
Object.setPrototypeOf(OutgoingMessage, Stream);

Object.defineProperty(OutgoingMessage.prototype, 'headersSent', {
  get() { return this._header !== null; }, configurable: true,
});
Object.defineProperty(OutgoingMessage.prototype, 'writableEnded', {
  get() { return this.finished; }, configurable: true,
});
Object.defineProperty(OutgoingMessage.prototype, 'writableFinished', {
  get() { return this._finished; }, configurable: true,
});
Object.defineProperty(OutgoingMessage.prototype, 'connection', {
  get() { return this.socket; }, set(v) { this.socket = v; }, configurable: true,
});

OutgoingMessage.prototype.setHeader = function setHeader(name, value) {
  if (this._header !== null) throw new (codes().ERR_HTTP_HEADERS_SENT)('set');
  validateHeaderName(name);
  validateHeaderValue(name, value);
  if (this._headerTable === null) this._headerTable = Object.create(null);
  this._headerTable[name.toLowerCase()] = [name, value];
  return this;
};

OutgoingMessage.prototype.appendHeader = function appendHeader(name, value) {
  if (this._header !== null) throw new (codes().ERR_HTTP_HEADERS_SENT)('append');
  validateHeaderName(name);
  validateHeaderValue(name, value);
  const key = name.toLowerCase();
  const existing = this._headerTable && this._headerTable[key];
  if (!existing) return this.setHeader(name, value);
  const old = Array.isArray(existing[1]) ? existing[1] : [existing[1]];
  existing[1] = old.concat(value);
  return this;
};

OutgoingMessage.prototype.getHeader = function getHeader(name) {
  if (typeof name !== 'string') throw new (codes().ERR_INVALID_ARG_TYPE)('name', 'string', name);
  const entry = this._headerTable && this._headerTable[name.toLowerCase()];
  return entry ? entry[1] : undefined;
};

OutgoingMessage.prototype.getHeaders = function getHeaders() {
  const out = Object.create(null);
  if (this._headerTable) for (const key of Object.keys(this._headerTable)) out[key] = this._headerTable[key][1];
  return out;
};

OutgoingMessage.prototype.getHeaderNames = function getHeaderNames() {
  return this._headerTable ? Object.keys(this._headerTable) : [];
};

OutgoingMessage.prototype.getRawHeaderNames = function getRawHeaderNames() {
  return this._headerTable ? Object.values(this._headerTable).map((e) => e[0]) : [];
};

OutgoingMessage.prototype.hasHeader = function hasHeader(name) {
  if (typeof name !== 'string') throw new (codes().ERR_INVALID_ARG_TYPE)('name', 'string', name);
  return !!(this._headerTable && this._headerTable[name.toLowerCase()]);
};

OutgoingMessage.prototype.removeHeader = function removeHeader(name) {
  if (typeof name !== 'string') throw new (codes().ERR_INVALID_ARG_TYPE)('name', 'string', name);
  if (this._header !== null) throw new (codes().ERR_HTTP_HEADERS_SENT)('remove');
  if (this._headerTable) delete this._headerTable[name.toLowerCase()];
};

// Serializes the head: firstLine, then the headers as set, then what Node
// adds — Date, Connection (+ Keep-Alive), Content-Length or chunked.
OutgoingMessage.prototype._storeHeader = function _storeHeader(firstLine, headers) {
  const state = { connection: false, contLen: false, te: false, date: false, trailer: false };
  let head = firstLine;
  const add = (name, value) => {
    if (Array.isArray(value)) {
      for (const v of value) add(name, v);
      return;
    }
    head += name + ': ' + value + '\r\n';
    switch (name.length) {
      case 4: if (name.toLowerCase() === 'date') state.date = true; break;
      case 10: if (name.toLowerCase() === 'connection') {
        state.connection = true;
        if (/(^|,)\s*close\s*(,|$)/i.test(String(value))) this._last = true;
        else this.shouldKeepAlive = true;
      } break;
      case 14: if (name.toLowerCase() === 'content-length') state.contLen = true; break;
      case 17: if (name.toLowerCase() === 'transfer-encoding') {
        state.te = true;
        if (/(^|,)\s*chunked\s*$/i.test(String(value))) this.chunkedEncoding = true;
      } break;
      case 7: if (name.toLowerCase() === 'trailer') state.trailer = true; break;
    }
  };
  if (Array.isArray(headers)) {
    for (let i = 0; i < headers.length; i += 2) add(headers[i], headers[i + 1]);
  } else if (headers) {
    for (const key of Object.keys(headers)) add(headers[key][0], headers[key][1]);
  }
  if (this.sendDate && !state.date) head += 'Date: ' + utcDate() + '\r\n';
  if (!state.connection) {
    const keepAlive = this.shouldKeepAlive &&
      (state.contLen || this.useChunkedEncodingByDefault || this.agent);
    if (keepAlive) {
      head += 'Connection: keep-alive\r\n';
      if (this._keepAliveTimeout && this._defaultKeepAlive) {
        head += 'Keep-Alive: timeout=' + Math.floor(this._keepAliveTimeout / 1000) + '\r\n';
      }
    } else {
      this._last = true;
      head += 'Connection: close\r\n';
    }
  }
  if (!state.contLen && !state.te) {
    if (!this._hasBody) {
      this.chunkedEncoding = false;
    } else if (!this.useChunkedEncodingByDefault) {
      this._last = true;
    } else if (!state.trailer && typeof this._contentLength === 'number') {
      head += 'Content-Length: ' + this._contentLength + '\r\n';
    } else {
      head += 'Transfer-Encoding: chunked\r\n';
      this.chunkedEncoding = true;
    }
  }
  this._header = head + '\r\n';
  this._headerSent = false;
};

// Sends bytes (the head goes out with the first of them).
OutgoingMessage.prototype._send = function _send(bytes, cb) {
  if (!this._headerSent && this._header !== null) {
    bytes = this._header + bytes;
    this._headerSent = true;
  }
  return this._writeRaw(bytes, cb);
};

OutgoingMessage.prototype._writeRaw = function _writeRaw(bytes, cb) {
  const socket = this.socket;
  if (socket && socket._httpMessage === this && !socket.destroyed && !socket.connecting) {
    this._flushOutput(socket);
    if (bytes.length === 0) {
      if (typeof cb === 'function') process.nextTick(cb);
      return true;
    }
    return socket.write(bytes, 'latin1', cb);
  }
  this.outputData.push({ bytes, cb });
  this.outputSize += bytes.length;
  return false;
};

OutgoingMessage.prototype._flushOutput = function _flushOutput(socket) {
  const pending = this.outputData;
  if (pending.length === 0) return true;
  this.outputData = [];
  this.outputSize = 0;
  let ok = true;
  for (const { bytes, cb } of pending) ok = socket.write(bytes, 'latin1', cb);
  return ok;
};

function writeAfterEnd(msg, cb) {
  const err = new (codes().ERR_STREAM_WRITE_AFTER_END)();
  process.nextTick(() => {
    if (typeof cb === 'function') cb(err);
    msg.emit('error', err);
  });
}

OutgoingMessage.prototype.write = function write(chunk, encoding, cb) {
  if (typeof encoding === 'function') {
    cb = encoding;
    encoding = undefined;
  }
  if (this.finished) {
    writeAfterEnd(this, cb);
    return true;
  }
  if (chunk === null) throw new (codes().ERR_STREAM_NULL_VALUES)();
  if (!isChunk(chunk)) throw new (codes().ERR_INVALID_ARG_TYPE)('chunk', ['string', 'Buffer', 'Uint8Array'], chunk);
  if (this._header === null) this._implicitHeader();
  if (!this._hasBody) return true;
  const bytes = toByteString(chunk, encoding);
  if (bytes.length === 0) {
    if (typeof cb === 'function') process.nextTick(cb);
    return true;
  }
  if (this.chunkedEncoding) return this._send(bytes.length.toString(16) + '\r\n' + bytes + '\r\n', cb);
  return this._send(bytes, cb);
};

OutgoingMessage.prototype.end = function end(chunk, encoding, cb) {
  if (typeof chunk === 'function') {
    cb = chunk;
    chunk = undefined;
  } else if (typeof encoding === 'function') {
    cb = encoding;
    encoding = undefined;
  }
  if (this.finished) {
    if (typeof cb === 'function') process.nextTick(cb, new (codes().ERR_STREAM_ALREADY_FINISHED)('end'));
    return this;
  }
  let bytes = '';
  if (chunk !== undefined && chunk !== null) {
    if (!isChunk(chunk)) throw new (codes().ERR_INVALID_ARG_TYPE)('chunk', ['string', 'Buffer', 'Uint8Array'], chunk);
    bytes = toByteString(chunk, encoding);
  }
  if (this._header === null) {
    this._contentLength = bytes.length;
    this._implicitHeader();
  }
  if (typeof cb === 'function') this.once('finish', cb);
  this.finished = true;
  this.writable = false;
  let out = '';
  if (this._hasBody && bytes.length > 0) {
    out = this.chunkedEncoding ? bytes.length.toString(16) + '\r\n' + bytes + '\r\n' : bytes;
  }
  if (this._hasBody && this.chunkedEncoding) out += '0\r\n\r\n';
  this._send(out, () => this._onFinish());
  return this;
};

OutgoingMessage.prototype._onFinish = function _onFinish() {
  if (this._finished) return;
  this._finished = true;
  this.emit('finish');
};

OutgoingMessage.prototype.destroy = function destroy(err) {
  if (this.destroyed) return this;
  this.destroyed = true;
  if (this.socket) this.socket.destroy(err);
  else if (err) process.nextTick(() => this.emit('error', err));
  return this;
};

OutgoingMessage.prototype.flushHeaders = function flushHeaders() {
  if (this._header === null) this._implicitHeader();
  this._send('');
};

OutgoingMessage.prototype.setTimeout = function setTimeout(msecs, callback) {
  if (callback) this.on('timeout', callback);
  if (this.socket) this.socket.setTimeout(msecs);
  else this.once('socket', (s) => s.setTimeout(msecs));
  return this;
};

module.exports = { OutgoingMessage, Buffer };
