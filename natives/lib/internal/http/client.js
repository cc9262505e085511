// ClientRequest: an OutgoingMessage sent on a socket the agent gives it;
// the reply is parsed by Beast's response parser into an IncomingMessage.
'use strict';

const net = require('net');
const parser = require('internal:http_parser');
const { IncomingMessage } = require('internal/http/incoming');
const { OutgoingMessage } = require('internal/http/outgoing');
const { checkIsHttpToken, codes } = require('internal/http/common');
const agentModule = require('internal/http/agent');
const { urlToHttpOptions } = require('internal/url');

const kHeaders = 0, kBody = 1, kEnd = 2, kError = 3;

function codedError(Ctor, code, message) {
  const err = new Ctor(message);
  err.code = code;
  Object.defineProperty(err, 'name', { value: `${Ctor.name} [${code}]`, configurable: true, writable: true });
  err.stack;  // eslint-disable-line no-unused-expressions
  delete err.name;
  return err;
}

function connResetError(message) {
  const err = new Error(message);
  err.code = 'ECONNRESET';
  return err;
}

const kNoBodyMethods = new Set(['GET', 'HEAD', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT']);
const kInvalidPath = /[\u0000-\u0020]/;

function ClientRequest(input, options, cb) {
  OutgoingMessage.call(this);
  if (typeof input === 'string') {
    input = urlToHttpOptions(new URL(input));
  } else if (input instanceof URL) {
    input = urlToHttpOptions(input);
  } else {
    cb = options;
    options = input;
    input = null;
  }
  if (typeof options === 'function') {
    cb = options;
    options = input || {};
  } else {
    options = Object.assign(input || {}, options);
  }

  let agent = options.agent;
  const defaultAgent = options._defaultAgent || agentModule.globalAgent;
  if (agent === false) {
    agent = new agentModule.Agent();
  } else if (agent === null || agent === undefined) {
    if (typeof options.createConnection !== 'function') agent = defaultAgent;
  } else if (typeof agent.addRequest !== 'function') {
    throw new (codes().ERR_INVALID_ARG_TYPE)('options.agent', ['Agent-like Object', 'undefined', 'false'], agent);
  }
  this.agent = agent;

  const protocol = options.protocol || 'http:';
  if (protocol !== 'http:') {
    throw codedError(TypeError, 'ERR_INVALID_PROTOCOL', `Protocol "${protocol}" not supported. Expected "http:"`);
  }
  const defaultPort = options.defaultPort || (agent && agent.defaultPort) || 80;
  const port = options.port = options.port || defaultPort;
  const host = options.host = options.hostname || options.host || 'localhost';

  if (options.path !== undefined && options.path !== null) {
    const path = String(options.path);
    if (kInvalidPath.test(path)) {
      throw codedError(TypeError, 'ERR_UNESCAPED_CHARACTERS', 'Request path contains unescaped characters');
    }
  }
  this.path = options.path || '/';

  const method = options.method;
  if (method !== undefined && method !== null && typeof method !== 'string') {
    throw new (codes().ERR_INVALID_ARG_TYPE)('options.method', 'string', method);
  }
  this.method = method ? method.toUpperCase() : 'GET';
  if (!checkIsHttpToken(this.method)) throw new (codes().ERR_INVALID_HTTP_TOKEN)('Method', this.method);
  this.host = host;
  this.protocol = protocol;
  this.useChunkedEncodingByDefault = !kNoBodyMethods.has(this.method);
  this._hasBody = true;
  this.res = null;
  this.aborted = false;
  this.timeoutCb = null;
  this.reusedSocket = false;
  this.maxHeadersCount = null;
  this._options = options;
  if (cb) this.once('response', cb);

  if (options.headers) {
    const headers = options.headers;
    if (Array.isArray(headers)) {
      for (let i = 0; i < headers.length; i += 2) this.setHeader(headers[i], headers[i + 1]);
    } else {
      for (const key of Object.keys(headers)) this.setHeader(key, headers[key]);
    }
  }
  if (options.setHost !== false && !this.getHeader('host')) {
    let hostHeader = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
    if (port && +port !== defaultPort) hostHeader += ':' + port;
    this.setHeader('Host', hostHeader);
  }
  if (options.auth && !this.getHeader('Authorization')) {
    this.setHeader('Authorization', 'Basic ' + Buffer.from(options.auth).toString('base64'));
  }
  this.shouldKeepAlive = agent ? agent.keepAlive : false;
  if (options.timeout !== undefined) this.setTimeout(options.timeout);

  if (agent) {
    agent.addRequest(this, { host, port, localAddress: options.localAddress, family: options.family });
  } else {
    this.onSocket(options.createConnection({ host, port }));
  }
}
Object.setPrototypeOf(ClientRequest.prototype, OutgoingMessage.prototype);
Object.setPrototypeOf(ClientRequest, OutgoingMessage);

ClientRequest.prototype._implicitHeader = function _implicitHeader() {
  if (this._header !== null) throw new (codes().ERR_HTTP_HEADERS_SENT)('render');
  this._storeHeader(`${this.method} ${this.path} HTTP/1.1\r\n`, this._headerTable);
};

ClientRequest.prototype.abort = function abort() {
  if (this.aborted) return;
  this.aborted = true;
  process.nextTick(() => this.emit('abort'));
  this.destroy();
};

ClientRequest.prototype.destroy = function destroy(err) {
  if (this.destroyed) return this;
  this.destroyed = true;
  if (this.res) this.res._dump();
  if (this.socket) {
    this.socket.destroy(err);
  } else {
    this._pendingError = err || connResetError('socket hang up');
  }
  return this;
};

ClientRequest.prototype.setTimeout = function setTimeout(msecs, callback) {
  if (callback) this.once('timeout', callback);
  const arm = (socket) => {
    socket.setTimeout(msecs);
    if (!socket._httpTimeoutListener) {
      socket._httpTimeoutListener = () => {
        const req = socket._httpMessage;
        if (req) req.emit('timeout');
      };
      socket.on('timeout', socket._httpTimeoutListener);
    }
  };
  if (this.socket) arm(this.socket);
  else this.once('socket', arm);
  return this;
};

ClientRequest.prototype.setNoDelay = function setNoDelay(noDelay) {
  if (this.socket) this.socket.setNoDelay(noDelay);
  else this.once('socket', (s) => s.setNoDelay(noDelay));
};

ClientRequest.prototype.setSocketKeepAlive = function setSocketKeepAlive(enable, delay) {
  if (this.socket) this.socket.setKeepAlive(enable, delay);
  else this.once('socket', (s) => s.setKeepAlive(enable, delay));
};

// The agent hands over a socket: wire the response parser to it.
ClientRequest.prototype.onSocket = function onSocket(socket) {
  process.nextTick(() => {
    if (this.destroyed && this._pendingError !== undefined) {
      socket.destroy();
      const err = this._pendingError;
      this.emit('error', err);
      this.emit('close');
      return;
    }
    this.socket = socket;
    socket._httpMessage = this;
    socket.setEncoding('latin1');
    const id = parser.create(false, this.method === 'HEAD');
    const state = { id, done: false };
    const onData = (bytes) => this._dispatch(state, parser.execute(id, bytes));
    const onEnd = () => {
      this._dispatch(state, parser.finish(id));
      if (!this.res && !state.done) {
        this._hadError = true;
        this.emit('error', connResetError('socket hang up'));
      }
    };
    const onError = (err) => {
      if (this._hadError) return;
      this._hadError = true;
      if (this.res && !this.res.complete) this.res.destroy(connResetError('aborted'));
      else if (!this.res) this.emit('error', err);
    };
    const onClose = () => {
      if (!state.done) {
        cleanup();
        if (this.res) {
          if (!this.res.complete) {
            this.res.aborted = true;
            this.res.emit('aborted');
            this.res.destroy(connResetError('aborted'));
          }
        } else if (!this._hadError) {
          this._hadError = true;
          this.emit('error', connResetError('socket hang up'));
        }
        this.emit('close');
      }
    };
    const cleanup = () => {
      parser.free(id);
      socket.removeListener('data', onData);
      socket.removeListener('end', onEnd);
      socket.removeListener('error', onError);
      socket.removeListener('close', onClose);
    };
    state.cleanup = cleanup;
    socket.on('data', onData);
    socket.on('end', onEnd);
    socket.on('error', onError);
    socket.on('close', onClose);
    this.emit('socket', socket);
    const flush = () => {
      if (this._header !== null && this.outputData.length > 0) this._flushOutput(socket);
    };
    if (socket.connecting) socket.once('connect', flush);
    else flush();
  });
};

ClientRequest.prototype._dispatch = function _dispatch(state, events) {
  for (const e of events) {
    if (state.done) return;
    switch (e[0]) {
      case kHeaders: {
        const status = e[6];
        if (status >= 100 && status < 200 && status !== 101) {
          this.emit('information', {
            statusCode: status, statusMessage: e[7], httpVersion: e[3] + '.' + e[4],
            httpVersionMajor: e[3], httpVersionMinor: e[4], headers: {}, rawHeaders: e[5],
          });
          if (status === 100) this.emit('continue');
          state.informational = true;
          break;
        }
        const res = new IncomingMessage(this.socket);
        res.statusCode = status;
        res.statusMessage = e[7];
        res.httpVersionMajor = e[3];
        res.httpVersionMinor = e[4];
        res.httpVersion = e[3] + '.' + e[4];
        res._addHeaderLines(e[5]);
        res.req = this;
        state.keepAlive = e[8];
        this.res = res;
        if (this.aborted) break;
        if (!this.emit('response', res)) res._dump();
        break;
      }
      case kBody: if (this.res) this.res._pushBytes(e[1]); break;
      case kEnd:
        if (state.informational && !this.res) {
          state.informational = false;
          break;
        }
        this._onResponseEnd(state);
        break;
      case kError: {
        const err = new Error('Parse Error: ' + e[1]);
        err.code = 'HPE_INVALID_CONSTANT';
        this._hadError = true;
        this.emit('error', err);
        this.socket.destroy();
        return;
      }
    }
  }
};

ClientRequest.prototype._onResponseEnd = function _onResponseEnd(state) {
  state.done = true;
  const res = this.res;
  const socket = this.socket;
  res.complete = true;
  res.push(null);
  state.cleanup();
  socket._httpMessage = null;
  const reusable = this.shouldKeepAlive && state.keepAlive && this.finished;
  const release = () => {
    if (this.agent) this.agent._release(socket, this._options, reusable);
    else socket.destroy();
    this.emit('close');
  };
  if (res.readableEnded) process.nextTick(release);
  else res.once('end', () => process.nextTick(release));
};

module.exports = { ClientRequest };
