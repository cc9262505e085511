// IncomingMessage: a request on the server, a response on the client — a
// Readable whose body arrives from the connection's parser.
'use strict';

const { Buffer } = require('buffer');
const Readable = require('internal/streams/readable');

function IncomingMessage(socket) {
  Readable.call(this);
  this.socket = socket;
  this.httpVersionMajor = null;
  this.httpVersionMinor = null;
  this.httpVersion = null;
  this.complete = false;
  this.rawHeaders = [];
  this.rawTrailers = [];
  this.aborted = false;
  this.upgrade = null;
  this.url = '';
  this.method = null;
  this.statusCode = null;
  this.statusMessage = null;
  this._headers = null;
  this._trailers = null;
  this._dumped = false;
}
Object.setPrototypeOf(IncomingMessage.prototype, Readable.prototype);
Object.setPrototypeOf(IncomingMessage, Readable);

Object.defineProperty(IncomingMessage.prototype, 'connection', {
  get() { return this.socket; }, set(v) { this.socket = v; }, configurable: true,
});

Object.defineProperty(IncomingMessage.prototype, 'headers', {
  get() {
    if (this._headers === null) {
      this._headers = {};
      const raw = this.rawHeaders;
      for (let i = 0; i < raw.length; i += 2) addHeaderLine(raw[i], raw[i + 1], this._headers);
    }
    return this._headers;
  },
  set(v) { this._headers = v; }, configurable: true,
});

Object.defineProperty(IncomingMessage.prototype, 'trailers', {
  get() { return this._trailers || (this._trailers = {}); },
  set(v) { this._trailers = v; }, configurable: true,
});

// Header names whose duplicates Node drops (the first one wins).
const kFirstWins = new Set([
  'content-type', 'content-length', 'user-agent', 'referer', 'host', 'authorization',
  'proxy-authorization', 'if-modified-since', 'if-unmodified-since', 'from', 'location', 'max-forwards',
  'retry-after', 'etag', 'last-modified', 'server', 'age', 'expires',
]);

// Node's rules for a repeated header: set-cookie collects an array, cookie
// joins with '; ', the fields above keep the first, the rest join with ', '.
function addHeaderLine(field, value, dest) {
  const name = field.toLowerCase();
  if (!(name in dest)) {
    dest[name] = name === 'set-cookie' ? [value] : value;
  } else if (name === 'set-cookie') {
    dest[name].push(value);
  } else if (name === 'cookie') {
    dest[name] += '; ' + value;
  } else if (!kFirstWins.has(name)) {
    dest[name] += ', ' + value;
  }
}

IncomingMessage.prototype._addHeaderLines = function _addHeaderLines(raw) {
  this.rawHeaders = raw;
  this._headers = null;
};

IncomingMessage.prototype.setTimeout = function setTimeout(msecs, callback) {
  if (callback) this.on('timeout', callback);
  this.socket.setTimeout(msecs);
  return this;
};

// The parser's body bytes: pushed as Buffers; backpressure pauses the socket.
IncomingMessage.prototype._pushBytes = function _pushBytes(bytes) {
  if (this._dumped) return;
  if (!this.push(Buffer.from(bytes, 'latin1')) && this.socket) this.socket.pause();
};

IncomingMessage.prototype._read = function _read() {
  if (this.socket && this.socket.isPaused() && !this.socket.destroyed) this.socket.resume();
};

// A body nobody reads is drained so the connection can go on.
IncomingMessage.prototype._dump = function _dump() {
  if (!this._dumped) {
    this._dumped = true;
    this.removeAllListeners('data');
    this.resume();
  }
};

IncomingMessage.prototype._destroy = function _destroy(err, cb) {
  if (!this.readableEnded || !this.complete) this.aborted = true;
  if (this.socket && !this.complete && !this.socket.destroyed && err) this.socket.destroy(err);
  cb(err);
};

module.exports = { IncomingMessage, addHeaderLine };
