// node:http — HTTP/1.1 server and client in JS over net sockets, with
// Boost.Beast parsing the bytes (internal:http_parser). The pieces live in
// lib/internal/http/: common (tables, header checks), incoming
// (IncomingMessage), outgoing (headers, body framing), server, client, agent.
'use strict';

const { STATUS_CODES, METHODS, validateHeaderName, validateHeaderValue } = require('internal/http/common');
const { IncomingMessage } = require('internal/http/incoming');
const { OutgoingMessage } = require('internal/http/outgoing');
const { Server, ServerResponse, createServer } = require('internal/http/server');
const { ClientRequest } = require('internal/http/client');
const { Agent, globalAgent } = require('internal/http/agent');

function request(url, options, cb) {
  return new ClientRequest(url, options, cb);
}

function get(url, options, cb) {
  const req = request(url, options, cb);
  req.end();
  return req;
}

module.exports = {
  METHODS: METHODS.slice(),
  STATUS_CODES,
  Agent,
  ClientRequest,
  IncomingMessage,
  OutgoingMessage,
  Server,
  ServerResponse,
  createServer,
  validateHeaderName,
  validateHeaderValue,
  get,
  request,
  maxHeaderSize: 16384,
  globalAgent,
};
