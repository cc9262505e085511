// node:net — TCP servers and sockets (Node v20's everyday API) over
// internal:tcp (natives/tcp_wrap.cpp, on eventloop/tcp.h).
//
// Socket and Server are EventEmitters with Node's events and their order:
// a Socket's 'connect'/'ready', 'data', 'end', 'finish', 'error', 'close'
// (hadError); a Server's 'listening', 'connection', 'error', 'close'.
// Streams are not modelled in full: a Socket keeps its own read buffer
// (paused / flowing) and write accounting (highWaterMark 16 KiB, 'drain').
// Deviation: Glass has no Buffer yet, so 'data' chunks are strings — UTF-8
// decoded unless setEncoding() chose another encoding (natives/README.md).
'use strict';
const EventEmitter = require('events');
const binding = require('internal:tcp');

const kHighWaterMark = 16384;

// --- errors, Node's shapes -----------------------------------------------------

function codedError(Ctor, code, message) {
  const err = new Ctor(message);
  err.code = code;
  return err;
}

function describeReceived(value) {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') return `function ${value.name}`;
  if (typeof value === 'object') {
    const ctor = value.constructor;
    return ctor && ctor.name ? `an instance of ${ctor.name}` : 'an instance of Object';
  }
  let shown = typeof value === 'string' ? `'${value.length > 25 ? value.slice(0, 25) + '...' : value}'` : String(value);
  if (typeof value === 'bigint') shown += 'n';
  return `type ${typeof value} (${shown})`;
}

// connect ECONNREFUSED 127.0.0.1:8080 (Node's exceptionWithHostPort)
function connectError(info, syscall, address, port) {
  const err = new Error(`${syscall} ${info.code} ${address}:${port}`);
  err.errno = info.errno;
  err.code = info.code;
  err.syscall = syscall;
  err.address = address;
  err.port = port;
  return err;
}

// listen EADDRINUSE: address already in use :::8080 (Node's UVExceptionWithHostPort)
function listenError(info, syscall, address, port) {
  let details = '';
  if (port && port > 0) details = ` ${address}:${port}`;
  else if (address) details = ` ${address}`;
  const err = new Error(`${syscall} ${info.code}: ${info.description}${details}`);
  err.code = info.code;
  err.errno = info.errno;
  err.syscall = syscall;
  err.address = address;
  if (port) err.port = port;
  return err;
}

// read ECONNRESET, write EPIPE (Node's errnoException)
function errnoError(info, syscall) {
  const err = new Error(`${syscall} ${info.code}`);
  err.errno = info.errno;
  err.code = info.code;
  err.syscall = syscall;
  return err;
}

function lookupError(info, hostname) {
  return require('internal/errors').lookupError(info, hostname);
}

function validatePort(port, name, allowUndefined) {
  if (port === undefined && allowUndefined) return 0;
  if ((typeof port !== 'number' && typeof port !== 'string') ||
      (typeof port === 'string' && port.trim().length === 0) ||
      +port !== (+port >>> 0) || +port > 0xFFFF) {
    throw codedError(RangeError, 'ERR_SOCKET_BAD_PORT',
      `${name} should be >= 0 and < 65536. Received ${describeReceived(port)}.`);
  }
  return +port;
}

const kEncodings = {
  utf8: 'utf8', 'utf-8': 'utf8', latin1: 'latin1', binary: 'latin1', ascii: 'ascii', hex: 'hex',
};
const kUnsupported = ['ucs2', 'ucs-2', 'utf16le', 'utf-16le', 'base64', 'base64url'];

function normalizeEncoding(encoding) {
  if (encoding === undefined || encoding === null) return 'utf8';
  const name = String(encoding).toLowerCase();
  if (kEncodings[name] !== undefined) return kEncodings[name];
  if (kUnsupported.includes(name)) throw new Error(`The encoding '${encoding}' is not supported by glass yet`);
  throw codedError(TypeError, 'ERR_UNKNOWN_ENCODING', `Unknown encoding: ${encoding}`);
}

function isIP(input) { return binding.isIP(input); }
function isIPv4(input) { return binding.isIP(input) === 4; }
function isIPv6(input) { return binding.isIP(input) === 6; }

// --- Socket ---------------------------------------------------------------------

function Socket(options) {
  if (!(this instanceof Socket)) return new Socket(options);
  EventEmitter.call(this);
  options = options || {};
  this._handle = null;            // the binding's id while open
  this.connecting = false;
  this.destroyed = false;
  this.allowHalfOpen = Boolean(options.allowHalfOpen);
  this.bytesRead = 0;
  this._bytesDispatched = 0;
  this._encoding = null;
  this._flowing = null;           // null: nobody asked yet; true: 'data' flows; false: paused
  this._reading = false;
  this._buffer = [];              // strings read while not flowing
  this._bufferBytes = 0;
  this._readEnded = false;        // the peer sent FIN
  this._endEmitted = false;
  this._writableEnded = false;    // end() was called
  this._finished = false;         // our FIN is sent ('finish')
  this._onFinished = [];          // end(cb) callbacks
  this._writeRequests = [];       // {cb, queued} for writes the kernel has not confirmed, in order
  this._writableLength = 0;
  this._needDrain = false;
  this._pending = [];             // writes made while connecting
  this._refed = true;
  this._closeEmitted = false;
  this._server = null;
  this.server = null;
  this._peer = undefined;         // cached remote address
  this._timeoutMs = 0;
  this._timer = null;
  if (options.handle !== undefined) this._attach(options.handle);
}
Object.setPrototypeOf(Socket.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Socket, EventEmitter);

Socket.prototype._attach = function _attach(id) {
  this._handle = id;
  binding.adopt(id, this);
  if (!this._refed) binding.ref(id, false);
  if (this._encoding !== null) binding.setEncoding(id, this._encoding);
  this._readStart();
};

// 'data' listeners make the socket flow, as on a Readable.
Socket.prototype.on = function on(type, listener) {
  EventEmitter.prototype.on.call(this, type, listener);
  if (type === 'data' && this._flowing !== false) this.resume();
  return this;
};
Socket.prototype.addListener = Socket.prototype.on;

Socket.prototype._readStart = function _readStart() {
  if (this._handle === null || this._reading || this._readEnded || this.destroyed || this.connecting) return;
  if (this._flowing === false || this._bufferBytes >= kHighWaterMark) return;
  this._reading = true;
  binding.readStart(this._handle);
};

Socket.prototype._readStop = function _readStop() {
  if (!this._reading) return;
  this._reading = false;
  if (this._handle !== null) binding.readStop(this._handle);
};

Socket.prototype._onread = function _onread(chunk, nbytes, err) {
  if (this.destroyed) return;
  if (err !== undefined) {
    this.destroy(errnoError(err, 'read'));
    return;
  }
  if (chunk === null) {
    this._reading = false;
    this._readEnded = true;
    this._maybeEnd();
    return;
  }
  this.bytesRead += nbytes;
  this._touch();
  if (chunk.length === 0) return;
  if (this._flowing === true && this._buffer.length === 0) {
    this.emit('data', chunk);
    return;
  }
  this._buffer.push(chunk);
  this._bufferBytes += nbytes;
  if (this._bufferBytes >= kHighWaterMark) this._readStop();
};

// Emits buffered chunks while flowing, then 'end' if the peer has ended.
Socket.prototype._flush = function _flush() {
  while (this._flowing === true && this._buffer.length > 0 && !this.destroyed) {
    const chunk = this._buffer.shift();
    if (this._buffer.length === 0) this._bufferBytes = 0;
    this.emit('data', chunk);
  }
  if (this._buffer.length === 0) this._bufferBytes = 0;
  this._maybeEnd();
  this._readStart();
};

Socket.prototype._maybeEnd = function _maybeEnd() {
  if (!this._readEnded || this._endEmitted || this._buffer.length > 0 || this._endScheduled) return;
  this._endScheduled = true;
  process.nextTick(() => {
    if (this.destroyed || this._endEmitted || this._buffer.length > 0) {
      this._endScheduled = false;
      return;
    }
    this._endEmitted = true;
    this.emit('end');
    if (this.allowHalfOpen === false && !this._writableEnded && !this.destroyed) {
      process.nextTick(() => { if (!this._writableEnded && !this.destroyed) this.end(); });
    } else if (this._finished) {
      this.destroy();
    }
  });
};

Socket.prototype.pause = function pause() {
  this._flowing = false;
  this._readStop();
  return this;
};

Socket.prototype.resume = function resume() {
  if (this._flowing === true) return this;
  this._flowing = true;
  process.nextTick(() => this._flush());
  return this;
};

Socket.prototype.isPaused = function isPaused() { return this._flowing === false; };

Socket.prototype.setEncoding = function setEncoding(encoding) {
  this._encoding = normalizeEncoding(encoding);
  if (this._handle !== null) binding.setEncoding(this._handle, this._encoding);
  return this;
};

Socket.prototype.connect = function connect(...args) {
  let options = args[0];
  let cb = args[args.length - 1];
  if (typeof cb !== 'function') cb = undefined;
  if (options === null || typeof options !== 'object') {
    options = { port: args[0] };
    if (typeof args[1] === 'string') options.host = args[1];
  }
  const port = validatePort(options.port, 'Port', false);
  const host = options.host === undefined || options.host === null ? 'localhost' : String(options.host);
  if (cb !== undefined) this.once('connect', cb);
  if (this.destroyed) {
    this.destroyed = false;
    this._closeEmitted = false;
  }
  this.connecting = true;
  this._host = host;
  if (binding.isIP(host)) {
    this._connectTo([host], port, 0);
  } else {
    binding.lookup(host, (err, addresses) => {
      if (this.destroyed) return;
      if (err) {
        this.destroy(lookupError(err, host));
        return;
      }
      this._connectTo(addresses, port, 0);
    });
  }
  return this;
};

// Tries each address of a looked-up name in turn (a simple happy eyeballs).
Socket.prototype._connectTo = function _connectTo(addresses, port, index) {
  const address = addresses[index];
  const id = binding.connect(this, address, port);
  if (typeof id !== 'number') {
    process.nextTick(() => this.destroy(connectError(id, 'connect', address, port)));
    return;
  }
  this._handle = id;
  if (!this._refed) binding.ref(id, false);
  if (this._encoding !== null) binding.setEncoding(id, this._encoding);
  this._onconnect = (err) => {
    if (this.destroyed) return;
    if (err !== undefined) {
      if (index + 1 < addresses.length) {
        binding.close(id);
        this._handle = null;
        this._connectTo(addresses, port, index + 1);
        return;
      }
      this.destroy(connectError(err, 'connect', address, port));
      return;
    }
    this.connecting = false;
    this._touch();
    this.emit('connect');
    this.emit('ready');
    if (this.destroyed) return;
    const pending = this._pending;
    this._pending = [];
    for (const w of pending) {
      this._writableLength -= w.data.length;  // counted by write(); _writeNow counts what stays queued
      this._writeNow(w.data, w.encoding, w.cb);
    }
    if (this._writableEnded) this._shutdown();
    this._readStart();
  };
};

Socket.prototype.write = function write(data, encoding, cb) {
  if (typeof encoding === 'function') {
    cb = encoding;
    encoding = undefined;
  }
  if (data === null) throw codedError(TypeError, 'ERR_STREAM_NULL_VALUES', 'May not write null values to stream');
  if (typeof data !== 'string') {
    throw codedError(TypeError, 'ERR_INVALID_ARG_TYPE',
      `The "chunk" argument must be of type string or an instance of Buffer, TypedArray, or DataView. Received ${describeReceived(data)}`);
  }
  const enc = normalizeEncoding(encoding);
  let err = null;
  if (this._writableEnded) err = codedError(Error, 'ERR_STREAM_WRITE_AFTER_END', 'write after end');
  else if (this.destroyed) err = codedError(Error, 'ERR_STREAM_DESTROYED', 'Cannot call write after a stream was destroyed');
  if (err !== null) {
    if (typeof cb === 'function') process.nextTick(cb, err);
    this.destroy(err);
    return false;
  }
  if (this.connecting) {
    this._pending.push({ data, encoding: enc, cb });
    this._writableLength += data.length;
    if (this._writableLength < kHighWaterMark) return true;
    this._needDrain = true;
    return false;
  }
  if (this._handle === null) {
    const closed = codedError(Error, 'ERR_SOCKET_CLOSED', 'Socket is closed');
    if (typeof cb === 'function') process.nextTick(cb, closed);
    this.destroy(closed);
    return false;
  }
  return this._writeNow(data, enc, cb);
};

Socket.prototype._writeNow = function _writeNow(data, encoding, cb) {
  if (this.destroyed || this._handle === null) return false;
  const sizes = binding.write(this._handle, data, encoding);
  this._bytesDispatched += sizes[0];
  this._writableLength += sizes[1];
  this._writeRequests.push({ cb, queued: sizes[1] });
  this._touch();
  const ok = this._writableLength < kHighWaterMark;
  if (!ok) this._needDrain = true;
  return ok;
};

Socket.prototype._onwrite = function _onwrite(err) {
  const req = this._writeRequests.shift();
  if (req === undefined || this.destroyed) return;
  this._writableLength -= req.queued;
  if (err !== undefined) {
    const error = errnoError(err, 'write');
    if (typeof req.cb === 'function') req.cb(error);
    this.destroy(error);
    return;
  }
  if (typeof req.cb === 'function') req.cb();
  if (this._needDrain && this._writableLength === 0 && !this.destroyed) {
    this._needDrain = false;
    this.emit('drain');
  }
};

Socket.prototype.end = function end(data, encoding, cb) {
  if (typeof data === 'function') {
    cb = data;
    data = undefined;
  } else if (typeof encoding === 'function') {
    cb = encoding;
    encoding = undefined;
  }
  if (data !== undefined && data !== null) this.write(data, encoding);
  if (this._writableEnded) {
    if (typeof cb === 'function') {
      const err = codedError(Error, 'ERR_STREAM_ALREADY_FINISHED', 'Cannot call end after a stream was finished');
      process.nextTick(cb, err);
    }
    return this;
  }
  this._writableEnded = true;
  if (typeof cb === 'function') this._onFinished.push(cb);
  if (!this.connecting) this._shutdown();
  return this;
};

Socket.prototype._shutdown = function _shutdown() {
  if (this.destroyed) return;
  if (this._handle === null) {
    process.nextTick(() => this._onshutdown());
    return;
  }
  binding.shutdown(this._handle);
};

Socket.prototype._onshutdown = function _onshutdown(err) {
  if (this.destroyed || this._finished) return;
  if (err !== undefined && err.code !== 'ENOTCONN') {
    this.destroy(errnoError(err, 'shutdown'));
    return;
  }
  this._finished = true;
  const callbacks = this._onFinished;
  this._onFinished = [];
  for (const cb of callbacks) cb();  // end()'s callbacks run before 'finish' listeners, as in Node
  this.emit('finish');
  if (this._endEmitted || this._handle === null) this.destroy();
};

Socket.prototype.destroy = function destroy(err) {
  if (this.destroyed) return this;
  this.destroyed = true;
  this.connecting = false;
  this._readStop();
  this._clearTimer();
  const hadError = err !== undefined && err !== null;
  const requests = this._writeRequests.concat(this._pending);
  this._writeRequests = [];
  this._pending = [];
  if (requests.length > 0) {
    const failed = codedError(Error, 'ERR_STREAM_DESTROYED', 'Cannot call write after a stream was destroyed');
    for (const r of requests) if (typeof r.cb === 'function') process.nextTick(r.cb, err || failed);
  }
  if (this._server !== null) {
    this._server._connections--;
    this._server._emitCloseIfDrained();
  }
  if (hadError) process.nextTick(() => this.emit('error', err));
  if (this._handle !== null) {
    this._closeHadError = hadError;
    binding.close(this._handle);
  } else {
    process.nextTick(() => this._emitClose(hadError));
  }
  return this;
};

Socket.prototype._onclose = function _onclose(id) {
  if (id !== this._handle) return;  // an abandoned connection attempt
  this._handle = null;
  this._emitClose(this._closeHadError);
};

Socket.prototype._emitClose = function _emitClose(hadError) {
  if (this._closeEmitted) return;
  this._closeEmitted = true;
  this.emit('close', hadError);
};

Socket.prototype.destroySoon = function destroySoon() {
  if (!this._writableEnded) this.end();
  if (this._finished) this.destroy();
  else this.once('finish', () => this.destroy());
};

Socket.prototype.setTimeout = function setTimeout_(ms, cb) {
  this._timeoutMs = ms;
  if (typeof cb === 'function') {
    if (ms === 0) this.removeListener('timeout', cb);
    else this.once('timeout', cb);
  }
  this._touch();
  return this;
};

Socket.prototype._clearTimer = function _clearTimer() {
  if (this._timer !== null) clearTimeout(this._timer);
  this._timer = null;
};

// Restarts the idle timer after any activity ('timeout' after ms of none).
Socket.prototype._touch = function _touch() {
  this._clearTimer();
  if (!(this._timeoutMs > 0) || this.destroyed) return;
  this._timer = setTimeout(() => {
    this._timer = null;
    this.emit('timeout');
  }, this._timeoutMs);
  this._timer.unref();
};

Socket.prototype.setNoDelay = function setNoDelay(noDelay) {
  if (this._handle !== null) binding.setNoDelay(this._handle, noDelay === undefined ? true : Boolean(noDelay));
  return this;
};

Socket.prototype.setKeepAlive = function setKeepAlive(enable) {
  if (this._handle !== null) binding.setKeepAlive(this._handle, Boolean(enable));
  return this;
};

Socket.prototype.ref = function ref() {
  this._refed = true;
  if (this._handle !== null) binding.ref(this._handle, true);
  return this;
};

Socket.prototype.unref = function unref() {
  this._refed = false;
  if (this._handle !== null) binding.ref(this._handle, false);
  return this;
};

Socket.prototype.address = function address() {
  const local = this._handle !== null ? binding.localAddress(this._handle) : undefined;
  return local === undefined ? {} : local;
};

Socket.prototype._remote = function _remote() {
  if (this._peer === undefined && this._handle !== null && !this.connecting) {
    this._peer = binding.remoteAddress(this._handle);
  }
  return this._peer;
};

function remoteGetter(field) {
  return function () {
    const peer = this._remote();
    return peer === undefined ? undefined : peer[field];
  };
}
function localGetter(field) {
  return function () {
    if (this._handle === null) return undefined;
    const local = binding.localAddress(this._handle);
    return local === undefined ? undefined : local[field];
  };
}

Object.defineProperties(Socket.prototype, {
  remoteAddress: { get: remoteGetter('address'), configurable: true },
  remotePort: { get: remoteGetter('port'), configurable: true },
  remoteFamily: { get: remoteGetter('family'), configurable: true },
  localAddress: { get: localGetter('address'), configurable: true },
  localPort: { get: localGetter('port'), configurable: true },
  localFamily: { get: localGetter('family'), configurable: true },
  bytesWritten: { get() { return this._bytesDispatched; }, configurable: true },
  writableLength: { get() { return this._writableLength; }, configurable: true },
  bufferSize: { get() { return this._writableLength; }, configurable: true },
  pending: { get() { return this._handle === null || this.connecting; }, configurable: true },
  readable: { get() { return !this.destroyed && !this._endEmitted; }, configurable: true },
  writable: { get() { return !this.destroyed && !this._writableEnded; }, configurable: true },
  writableEnded: { get() { return this._writableEnded; }, configurable: true },
  writableFinished: { get() { return this._finished; }, configurable: true },
  readableEnded: { get() { return this._endEmitted; }, configurable: true },
  readyState: {
    get() {
      if (this.connecting) return 'opening';
      if (this.readable && this.writable) return 'open';
      if (this.readable && !this.writable) return 'readOnly';
      if (!this.readable && this.writable) return 'writeOnly';
      return 'closed';
    },
    configurable: true,
  },
});

// --- Server ---------------------------------------------------------------------

function Server(options, connectionListener) {
  if (!(this instanceof Server)) return new Server(options, connectionListener);
  EventEmitter.call(this);
  if (typeof options === 'function') {
    connectionListener = options;
    options = {};
  }
  options = options || {};
  if (typeof connectionListener === 'function') this.on('connection', connectionListener);
  this._handle = null;
  this._connections = 0;
  this._refed = true;
  this._closing = false;
  this.allowHalfOpen = Boolean(options.allowHalfOpen);
  this.pauseOnConnect = Boolean(options.pauseOnConnect);
}
Object.setPrototypeOf(Server.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Server, EventEmitter);

Object.defineProperty(Server.prototype, 'listening', {
  get() { return this._handle !== null; },
  configurable: true,
});

Server.prototype.listen = function listen(...args) {
  let cb = args.length > 0 && typeof args[args.length - 1] === 'function' ? args.pop() : undefined;
  let port, host, backlog;
  if (args[0] !== null && typeof args[0] === 'object') {
    const o = args[0];
    port = validatePort(o.port, 'options.port', true);
    host = o.host;
    backlog = o.backlog;
  } else {
    port = validatePort(args[0], 'options.port', true);
    if (typeof args[1] === 'string') {
      host = args[1];
      backlog = args[2];
    } else {
      backlog = args[1];
    }
  }
  if (this._handle !== null) {
    throw codedError(Error, 'ERR_SERVER_ALREADY_LISTEN', 'Listen method has been called more than once without closing.');
  }
  if (cb !== undefined) this.once('listening', cb);
  backlog = typeof backlog === 'number' ? backlog : 511;
  if (host === undefined || host === null || host === '' || binding.isIP(host)) {
    this._listenOn(host ? host : '', port, backlog);
  } else {
    binding.lookup(host, (err, addresses) => {
      if (err) {
        this.emit('error', lookupError(err, host));
        return;
      }
      this._listenOn(addresses[0], port, backlog);
    });
  }
  return this;
};

Server.prototype._listenOn = function _listenOn(address, port, backlog) {
  const id = binding.listen(this, address, port, backlog);
  if (typeof id !== 'number') {
    const error = listenError(id, 'listen', address === '' ? '::' : address, port);
    process.nextTick(() => this.emit('error', error));
    return;
  }
  this._handle = id;
  this._closing = false;
  if (!this._refed) binding.ref(id, false);
  process.nextTick(() => { if (this._handle === id) this.emit('listening'); });
};

Server.prototype._onconnection = function _onconnection(id, err) {
  if (err !== undefined) {
    this.emit('error', errnoError(err, 'accept'));
    return;
  }
  const socket = new Socket({ handle: id, allowHalfOpen: this.allowHalfOpen });
  if (this.pauseOnConnect) socket.pause();
  socket._server = this;
  socket.server = this;
  this._connections++;
  this.emit('connection', socket);
};

Server.prototype.address = function address() {
  if (this._handle === null) return null;
  const local = binding.localAddress(this._handle);
  return local === undefined ? null : local;
};

Server.prototype.close = function close(cb) {
  if (typeof cb === 'function') {
    if (this._handle === null) {
      this.once('close', () => cb(codedError(Error, 'ERR_SERVER_NOT_RUNNING', 'Server is not running.')));
    } else {
      this.once('close', cb);
    }
  }
  if (this._handle !== null) {
    binding.close(this._handle);
    this._handle = null;
  }
  this._closing = true;
  this._emitCloseIfDrained();
  return this;
};

Server.prototype._onclose = function _onclose() {};

Server.prototype._emitCloseIfDrained = function _emitCloseIfDrained() {
  if (this._handle !== null || this._connections > 0 || !this._closing) return;
  this._closing = false;
  process.nextTick(() => this.emit('close'));
};

Server.prototype.getConnections = function getConnections(cb) {
  process.nextTick(cb, null, this._connections);
  return this;
};

Server.prototype.ref = function ref() {
  this._refed = true;
  if (this._handle !== null) binding.ref(this._handle, true);
  return this;
};

Server.prototype.unref = function unref() {
  this._refed = false;
  if (this._handle !== null) binding.ref(this._handle, false);
  return this;
};

// --- the module's functions -------------------------------------------------------

function createServer(options, connectionListener) {
  return new Server(options, connectionListener);
}

function connect(...args) {
  const options = args[0] !== null && typeof args[0] === 'object' ? args[0] : {};
  const socket = new Socket(options);
  if (options.timeout) socket.setTimeout(options.timeout);
  return socket.connect(...args);
}

module.exports = {
  Server,
  Socket,
  Stream: Socket,
  createServer,
  createConnection: connect,
  connect,
  isIP,
  isIPv4,
  isIPv6,
};
