// The HTTP server: a net.Server whose connections feed Beast's request
// parser (internal:http_parser); each request is an IncomingMessage, each
// reply a ServerResponse, answered in order on a keep-alive connection.
'use strict';

const net = require('net');
const parser = require('internal:http_parser');
const { IncomingMessage } = require('internal/http/incoming');
const { OutgoingMessage } = require('internal/http/outgoing');
const { STATUS_CODES, codes, validateHeaderName, validateHeaderValue } = require('internal/http/common');

const kHeaders = 0, kBody = 1, kEnd = 2, kError = 3;

// --- ServerResponse -----------------------------------------------------------

function ServerResponse(req, options) {
  OutgoingMessage.call(this);
  this.req = req;
  this.statusCode = 200;
  this.statusMessage = undefined;
  this.sendDate = true;
  this._sent100 = false;
  if (req.method === 'HEAD') this._hasBody = false;
  if (req.httpVersionMajor < 1 || (req.httpVersionMajor === 1 && req.httpVersionMinor === 0)) {
    this.useChunkedEncodingByDefault = /(?:^|\W)chunked(?:$|\W)/i.test(req.headers.te || '');
    this.shouldKeepAlive = /(^|,)\s*keep-alive\s*(,|$)/i.test(req.headers.connection || '');
  } else {
    this.shouldKeepAlive = req._keepAlive;
  }
  this._keepAliveTimeout = options.keepAliveTimeout;
  this._defaultKeepAlive = true;
}
Object.setPrototypeOf(ServerResponse.prototype, OutgoingMessage.prototype);
Object.setPrototypeOf(ServerResponse, OutgoingMessage);

// writeHead(statusCode[, statusMessage][, headers])
ServerResponse.prototype.writeHead = function writeHead(statusCode, reason, obj) {
  if (this._header !== null) throw new (codes().ERR_HTTP_HEADERS_SENT)('write');
  const original = statusCode;
  statusCode |= 0;
  if (statusCode < 100 || statusCode > 999) throw new (codes().ERR_HTTP_INVALID_STATUS_CODE)(original);
  if (typeof reason === 'string') {
    this.statusMessage = reason;
  } else {
    if (!this.statusMessage) this.statusMessage = STATUS_CODES[statusCode] || 'unknown';
    obj = reason;
  }
  this.statusCode = statusCode;
  let headers;
  if (this._headerTable) {
    // setHeader() values merged with writeHead()'s, the latter winning.
    if (obj && !Array.isArray(obj)) {
      for (const k of Object.keys(obj)) if (k) this.setHeader(k, obj[k]);
    } else if (Array.isArray(obj)) {
      for (let i = 0; i < obj.length; i += 2) this.setHeader(obj[i], obj[i + 1]);
    }
    headers = this._headerTable;
  } else if (Array.isArray(obj)) {
    if (obj.length % 2 !== 0) throw new (codes().ERR_INVALID_ARG_VALUE)('headers', obj);
    for (let i = 0; i < obj.length; i += 2) {
      validateHeaderName(obj[i]);
      validateHeaderValue(obj[i], obj[i + 1]);
    }
    headers = obj;
  } else if (obj) {
    headers = [];
    for (const k of Object.keys(obj)) {
      validateHeaderName(k);
      validateHeaderValue(k, obj[k]);
      headers.push(k, obj[k]);
    }
  }
  if (/[\r\n]/.test(this.statusMessage)) throw new (codes().ERR_INVALID_CHAR)('statusMessage');
  if (statusCode === 204 || statusCode === 304 || (statusCode >= 100 && statusCode <= 199)) this._hasBody = false;
  this._storeHeader(`HTTP/1.1 ${statusCode} ${this.statusMessage}\r\n`, headers);
  return this;
};
ServerResponse.prototype.writeHeader = ServerResponse.prototype.writeHead;

ServerResponse.prototype._implicitHeader = function _implicitHeader() {
  this.writeHead(this.statusCode);
};

ServerResponse.prototype.writeContinue = function writeContinue(cb) {
  this._writeRaw('HTTP/1.1 100 Continue\r\n\r\n', cb);
  this._sent100 = true;
};

// --- the connection ------------------------------------------------------------

// Per-socket state: the parser, the request being received, and the
// responses in request order (only the first one writes to the socket).
function connectionListener(socket) {
  const server = this;
  const id = parser.create(true, false);
  const state = { id, incoming: null, outgoing: [], closed: false };
  socket.setEncoding('latin1');
  if (server.timeout) socket.setTimeout(server.timeout);
  server._httpConnections.add(socket);
  socket._httpState = state;

  socket.on('data', (bytes) => dispatch(server, socket, state, parser.execute(id, bytes)));
  socket.on('end', () => {
    dispatch(server, socket, state, parser.finish(id));
    socket.end();  // no half-open HTTP connections (Node's httpAllowHalfOpen is false)
  });
  socket.on('error', (err) => {
    if (server.listenerCount('clientError') > 0) server.emit('clientError', err, socket);
    else socket.destroy();
  });
  socket.on('close', () => {
    state.closed = true;
    parser.free(id);
    server._httpConnections.delete(socket);
    const req = state.incoming;
    if (req && !req.complete) {
      req.aborted = true;
      req.emit('aborted');
      req.destroy(connResetError());
    }
    for (const res of state.outgoing) {
      if (res.req !== req && res.req.complete) res.req.emit('close');
      res.emit('close');
    }
  });
  socket.on('timeout', () => {
    const res = state.outgoing[0];
    let handled = false;
    if (res && res.listenerCount('timeout') > 0) { res.emit('timeout', socket); handled = true; }
    if (server.listenerCount('timeout') > 0) { server.emit('timeout', socket); handled = true; }
    if (!handled) socket.destroy();
  });
}

function connResetError() {
  const err = new Error('aborted');
  err.code = 'ECONNRESET';
  return err;
}

function dispatch(server, socket, state, events) {
  for (const e of events) {
    if (state.closed) return;
    switch (e[0]) {
      case kHeaders: onHeaders(server, socket, state, e); break;
      case kBody: if (state.incoming) state.incoming._pushBytes(e[1]); break;
      case kEnd: {
        const req = state.incoming;
        state.incoming = null;
        if (req) {
          req.complete = true;
          req.push(null);
        }
        break;
      }
      case kError: onParseError(server, socket, e[1]); return;
    }
  }
}

function onParseError(server, socket, message) {
  const err = new Error('Parse Error: ' + message);
  err.code = 'HPE_INVALID_CONSTANT';
  if (server.listenerCount('clientError') > 0) {
    server.emit('clientError', err, socket);
  } else if (!socket.destroyed) {
    socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n', 'latin1');
    socket.destroy();
  }
}

function onHeaders(server, socket, state, e) {
  const req = new IncomingMessage(socket);
  req.method = e[1];
  req.url = e[2];
  req.httpVersionMajor = e[3];
  req.httpVersionMinor = e[4];
  req.httpVersion = e[3] + '.' + e[4];
  req._addHeaderLines(e[5]);
  req._keepAlive = e[8];
  req.upgrade = e[9];
  state.incoming = req;
  const res = new ServerResponse(req, server);
  res.socket = socket;
  state.outgoing.push(res);
  if (state.outgoing.length === 1) socket._httpMessage = res;
  res.on('finish', () => onResponseFinish(server, socket, state, res));
  if (req.headers.expect !== undefined && /100-continue/i.test(req.headers.expect) &&
      (req.httpVersionMajor > 1 || (req.httpVersionMajor === 1 && req.httpVersionMinor >= 1))) {
    if (server.listenerCount('checkContinue') > 0) {
      server.emit('checkContinue', req, res);
      return;
    }
    res.writeContinue();
  }
  server.emit('request', req, res);
}

function onResponseFinish(server, socket, state, res) {
  state.outgoing.shift();
  const req = res.req;
  // A body the handler never read is drained so the next request parses.
  if (!req.complete || !req.readableEnded) req._dump();
  if (req.complete) process.nextTick(() => req.emit('close'));
  process.nextTick(() => res.emit('close'));
  if (res._last) {
    socket._httpMessage = null;
    if (typeof socket.destroySoon === 'function') socket.destroySoon();
    else socket.end();
    return;
  }
  const next = state.outgoing[0];
  socket._httpMessage = next || null;
  if (next) {
    next._flushOutput(socket);
  } else if (socket._readEnded || server._httpClosing) {
    socket.end();
  }
}

// --- Server --------------------------------------------------------------------

function Server(options, requestListener) {
  if (!(this instanceof Server)) return new Server(options, requestListener);
  if (typeof options === 'function') {
    requestListener = options;
    options = {};
  } else if (options === undefined || options === null) {
    options = {};
  } else if (typeof options !== 'object') {
    throw new (codes().ERR_INVALID_ARG_TYPE)('options', 'object', options);
  }
  net.Server.call(this, { allowHalfOpen: true });
  if (requestListener) this.on('request', requestListener);
  this.timeout = 0;
  this.keepAliveTimeout = 5000;
  this.headersTimeout = 60000;
  this.requestTimeout = 300000;
  this.maxHeadersCount = null;
  this._httpConnections = new Set();
  this._httpClosing = false;
  this.on('connection', connectionListener);
}
Object.setPrototypeOf(Server.prototype, net.Server.prototype);
Object.setPrototypeOf(Server, net.Server);

Server.prototype.setTimeout = function setTimeout(msecs, callback) {
  this.timeout = msecs;
  if (callback) this.on('timeout', callback);
  return this;
};

// Node 19+: close() also closes the connections that carry no request.
Server.prototype.close = function close(cb) {
  this._httpClosing = true;
  this.closeIdleConnections();
  return net.Server.prototype.close.call(this, cb);
};

Server.prototype.closeIdleConnections = function closeIdleConnections() {
  for (const socket of this._httpConnections) {
    const state = socket._httpState;
    if (state && state.outgoing.length === 0 && state.incoming === null) socket.destroy();
  }
};

Server.prototype.closeAllConnections = function closeAllConnections() {
  for (const socket of this._httpConnections) socket.destroy();
};

module.exports = { Server, ServerResponse, createServer: (options, listener) => new Server(options, listener) };
