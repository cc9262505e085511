// What the http server and client share: the status and method tables,
// header-token checks with Node's errors, the Date header's cached value,
// and the byte-string conversions (sockets carry latin1 byte strings).
'use strict';

const { Buffer } = require('buffer');
const bufferBinding = require('internal:buffer');

const STATUS_CODES = {
  100: 'Continue', 101: 'Switching Protocols', 102: 'Processing', 103: 'Early Hints',
  200: 'OK', 201: 'Created', 202: 'Accepted', 203: 'Non-Authoritative Information', 204: 'No Content',
  205: 'Reset Content', 206: 'Partial Content', 207: 'Multi-Status', 208: 'Already Reported', 226: 'IM Used',
  300: 'Multiple Choices', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified',
  305: 'Use Proxy', 307: 'Temporary Redirect', 308: 'Permanent Redirect',
  400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found',
  405: 'Method Not Allowed', 406: 'Not Acceptable', 407: 'Proxy Authentication Required', 408: 'Request Timeout',
  409: 'Conflict', 410: 'Gone', 411: 'Length Required', 412: 'Precondition Failed', 413: 'Payload Too Large',
  414: 'URI Too Long', 415: 'Unsupported Media Type', 416: 'Range Not Satisfiable', 417: 'Expectation Failed',
  418: "I'm a Teapot", 421: 'Misdirected Request', 422: 'Unprocessable Entity', 423: 'Locked',
  424: 'Failed Dependency', 425: 'Too Early', 426: 'Upgrade Required', 428: 'Precondition Required',
  429: 'Too Many Requests', 431: 'Request Header Fields Too Large', 451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable',
  504: 'Gateway Timeout', 505: 'HTTP Version Not Supported', 506: 'Variant Also Negotiates',
  507: 'Insufficient Storage', 508: 'Loop Detected', 509: 'Bandwidth Limit Exceeded', 510: 'Not Extended',
  511: 'Network Authentication Required',
};

// llhttp's method list, as http.METHODS (sorted).
const METHODS = [
  'ACL', 'BIND', 'CHECKOUT', 'CONNECT', 'COPY', 'DELETE', 'GET', 'HEAD', 'LINK', 'LOCK', 'M-SEARCH', 'MERGE',
  'MKACTIVITY', 'MKCALENDAR', 'MKCOL', 'MOVE', 'NOTIFY', 'OPTIONS', 'PATCH', 'POST', 'PROPFIND', 'PROPPATCH',
  'PURGE', 'PUT', 'QUERY', 'REBIND', 'REPORT', 'SEARCH', 'SOURCE', 'SUBSCRIBE', 'TRACE', 'UNBIND', 'UNLINK',
  'UNLOCK', 'UNSUBSCRIBE',
];

function codes() { return require('internal/errors').codes; }

// RFC 9110's token characters.
const kToken = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/;
function checkIsHttpToken(value) { return kToken.test(value); }
const kInvalidHeaderChar = /[^\t\x20-\x7e\x80-\xff]/;
function checkInvalidHeaderChar(value) { return kInvalidHeaderChar.test(value); }

function validateHeaderName(name, label = 'Header name') {
  if (typeof name !== 'string' || !name || !checkIsHttpToken(name)) {
    throw new (codes().ERR_INVALID_HTTP_TOKEN)(label, name);
  }
}

function validateHeaderValue(name, value) {
  if (value === undefined) throw new (codes().ERR_HTTP_INVALID_HEADER_VALUE)(value, name);
  if (checkInvalidHeaderChar(String(value))) throw new (codes().ERR_INVALID_CHAR)('header content', name);
}

// The Date header's value, recomputed at most once a second.
let cachedDate = '';
let cachedSecond = -1;
function utcDate() {
  const now = Date.now();
  const second = Math.floor(now / 1000);
  if (second !== cachedSecond) {
    cachedSecond = second;
    cachedDate = new Date(now).toUTCString();
  }
  return cachedDate;
}

const kAscii = /^[\x00-\x7f]*$/;
// A chunk written by the user as a latin1 byte string.
function toByteString(chunk, encoding) {
  if (typeof chunk === 'string') {
    if ((encoding === undefined || encoding === 'utf8' || encoding === 'utf-8' || encoding === 'latin1' ||
         encoding === 'binary' || encoding === 'ascii') && kAscii.test(chunk)) return chunk;
    if (encoding === 'latin1' || encoding === 'binary') return chunk;
    chunk = Buffer.from(chunk, encoding);
  }
  const view = chunk instanceof Uint8Array ? chunk : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return bufferBinding.latin1Slice(view, 0, view.length);
}

function isChunk(value) {
  return typeof value === 'string' || ArrayBuffer.isView(value);
}

module.exports = {
  STATUS_CODES, METHODS, checkIsHttpToken, checkInvalidHeaderChar, validateHeaderName, validateHeaderValue,
  utcDate, toByteString, isChunk, codes,
};
