// Agent: a pool of connections per host:port. With keepAlive a socket whose
// response ended goes back to the pool (unreferenced, so it does not hold the
// process open) and serves the next request to the same place.
'use strict';

const EventEmitter = require('events');
const net = require('net');

function Agent(options) {
  if (!(this instanceof Agent)) return new Agent(options);
  EventEmitter.call(this);
  this.options = { __proto__: null, path: null, ...options };
  this.defaultPort = 80;
  this.protocol = 'http:';
  this.keepAlive = Boolean(this.options.keepAlive);
  this.keepAliveMsecs = this.options.keepAliveMsecs || 1000;
  this.maxSockets = this.options.maxSockets || Infinity;
  this.maxFreeSockets = this.options.maxFreeSockets || 256;
  this.maxTotalSockets = this.options.maxTotalSockets || Infinity;
  this.scheduling = this.options.scheduling || 'lifo';
  this.sockets = { __proto__: null };
  this.freeSockets = { __proto__: null };
  this.requests = { __proto__: null };
}
Object.setPrototypeOf(Agent.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Agent, EventEmitter);

Agent.defaultMaxSockets = Infinity;

Agent.prototype.getName = function getName(options = {}) {
  let name = options.host || 'localhost';
  name += ':';
  if (options.port) name += options.port;
  name += ':';
  if (options.localAddress) name += options.localAddress;
  if (options.family === 4 || options.family === 6) name += ':' + options.family;
  return name;
};

function removeFrom(table, name, socket) {
  const list = table[name];
  if (!list) return;
  const i = list.indexOf(socket);
  if (i !== -1) list.splice(i, 1);
  if (list.length === 0) delete table[name];
}

Agent.prototype.addRequest = function addRequest(req, options) {
  const name = this.getName(options);
  const free = this.freeSockets[name];
  if (free && free.length > 0) {
    const socket = this.scheduling === 'fifo' ? free.shift() : free.pop();
    if (free.length === 0) delete this.freeSockets[name];
    socket.removeListener('close', socket._agentFreeClose);
    socket.setTimeout(0);
    socket.ref();
    (this.sockets[name] ||= []).push(socket);
    req.reusedSocket = true;
    req.onSocket(socket);
    return;
  }
  const socket = this.createConnection(options);
  (this.sockets[name] ||= []).push(socket);
  socket.once('close', () => {
    removeFrom(this.sockets, name, socket);
    removeFrom(this.freeSockets, name, socket);
  });
  req.onSocket(socket);
};

Agent.prototype.createConnection = function createConnection(options) {
  return net.createConnection({ host: options.host, port: options.port, localAddress: options.localAddress });
};

// Called by a ClientRequest whose response ended: pool the socket or close it.
Agent.prototype._release = function _release(socket, options, reusable) {
  const name = this.getName(options);
  removeFrom(this.sockets, name, socket);
  const free = this.freeSockets[name] || [];
  if (!reusable || !this.keepAlive || socket.destroyed || free.length >= this.maxFreeSockets) {
    socket.destroy();
    return;
  }
  free.push(socket);
  this.freeSockets[name] = free;
  socket._agentFreeClose = () => removeFrom(this.freeSockets, name, socket);
  socket.once('close', socket._agentFreeClose);
  socket.setKeepAlive(true, this.keepAliveMsecs);
  socket.unref();
  if (this.options.timeout) socket.setTimeout(this.options.timeout);
  this.emit('free', socket, options);
};

Agent.prototype.destroy = function destroy() {
  for (const table of [this.freeSockets, this.sockets]) {
    for (const name of Object.keys(table)) for (const socket of table[name].slice()) socket.destroy();
  }
};

// Node 19+: the global agent keeps connections alive.
const globalAgent = new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 });

module.exports = { Agent, globalAgent };
