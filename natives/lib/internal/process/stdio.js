// process.stdout, process.stderr and process.stdin, made on first use.
// Until lib/stream.js exists these are small EventEmitters: writes go
// straight to the file descriptor (synchronous, as Node's are on Linux for
// files, pipes and terminals).
'use strict';

const EventEmitter = require('events');
const binding = require('internal:process');

function createStream(fd) {
  const stream = new EventEmitter();
  stream.fd = fd;
  const tty = binding.isatty(fd);
  stream.isTTY = tty;
  if (tty && fd !== 0) {
    const size = binding.getWindowSize(fd);
    if (size !== undefined) {
      stream.columns = size[0];
      stream.rows = size[1];
    }
  }
  stream.writable = fd !== 0;
  stream.write = function write(chunk, encoding, callback) {
    if (typeof encoding === 'function') callback = encoding;
    binding.writeString(fd, typeof chunk === 'string' ? chunk : String(chunk));
    if (typeof callback === 'function') process.nextTick(callback);
    return true;
  };
  stream.end = function end(chunk, encoding, callback) {
    if (typeof chunk === 'function') callback = chunk;
    else if (chunk !== undefined && chunk !== null) stream.write(chunk, encoding);
    if (typeof callback === 'function') process.nextTick(callback);
    return stream;
  };
  stream.hasColors = () => tty;
  stream.getColorDepth = () => (tty ? 8 : 1);
  stream._isStdio = true;
  return stream;
}

module.exports = { createStream };
