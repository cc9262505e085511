// tty: isatty, and the classes of process.stdin/stdout/stderr on a terminal.
// A WriteStream is internal/process/stdio's synchronous Writable, a
// ReadStream its PipeStream; both only over a descriptor that is a terminal.
'use strict';

const binding = require('internal:process');
const Writable = require('internal/streams/writable');
const { PipeStream } = require('internal/pipe_stream');
const { codes: { ERR_INVALID_FD, ERR_TTY_INIT_FAILED } } = require('internal/errors');

function isatty(fd) {
  return Number.isInteger(fd) && fd >= 0 && fd <= 2147483647 && binding.isatty(fd);
}

// What uv_tty_init checks: a descriptor that is not a file (nor unknown);
// a pipe or a socket is accepted, as libuv does.
function checkTerminal(fd) {
  if (!Number.isInteger(fd) || fd < 0 || fd > 2147483647) throw new ERR_INVALID_FD(fd);
  const type = binding.guessHandleType(fd);
  if (type === 'FILE' || type === 'UNKNOWN') {
    throw new ERR_TTY_INIT_FAILED({ errno: -22, code: 'EINVAL', message: 'invalid argument', syscall: 'uv_tty_init' });
  }
}

function WriteStream(fd) {
  if (!new.target) return new WriteStream(fd);
  checkTerminal(fd);
  const stream = Object.setPrototypeOf(require('internal/process/stdio').createTerminalWriter(fd), WriteStream.prototype);
  stream.isTTY = true;  // what it was made as, even over a pipe
  return stream;
}
Object.setPrototypeOf(WriteStream.prototype, Writable.prototype);
WriteStream.prototype.isTTY = true;

function ReadStream(fd) {
  if (!new.target) return new ReadStream(fd);
  checkTerminal(fd);
  const stream = Object.setPrototypeOf(require('internal/process/stdio').createTerminalReader(fd), ReadStream.prototype);
  stream.isTTY = true;
  return stream;
}
Object.setPrototypeOf(ReadStream.prototype, PipeStream.prototype);
ReadStream.prototype.isTTY = true;

module.exports = { isatty, ReadStream, WriteStream };
