// process.stdout, process.stderr and process.stdin, made on first use.
//   stdout / stderr: Writables whose writes are synchronous, whatever the
//     descriptor is (a terminal, a file or a pipe): Node's are on Linux, so
//     output is never lost to process.exit() and keeps its order with the
//     console's. On a terminal: isTTY, columns, rows, hasColors().
//   stdin: a terminal or a pipe is read on the loop (internal:pipe); a file
//     is read whole on first read. Reading starts only when asked (on('data'),
//     resume(), read()), so a program that never reads stdin is not held open.
'use strict';

const Writable = require('internal/streams/writable');
const Readable = require('internal/streams/readable');
const binding = require('internal:process');

function createWritableStdio(fd) {
  const stream = new Writable({
    decodeStrings: false,
    write(chunk, encoding, callback) {
      const failure = typeof chunk === 'string' ? binding.writeString(fd, chunk)
        : binding.writeString(fd, require('internal/byte_string').viewToByteString(chunk), true);
      if (failure !== undefined) {
        const err = new Error(`write ${failure.code}`);
        err.errno = failure.errno;
        err.code = failure.code;
        err.syscall = 'write';
        callback(err);
        return;
      }
      callback();
    },
  });
  stream.fd = fd;
  stream._type = binding.guessHandleType(fd).toLowerCase();
  stream._isStdio = true;
  // Closing standard output would lose what others write later: end() only finishes the stream.
  stream.destroySoon = stream.destroy;
  stream._destroy = (err, cb) => cb(err);
  const tty = binding.isatty(fd);
  stream.isTTY = tty;
  if (tty) {
    Object.setPrototypeOf(stream, require('tty').WriteStream.prototype);
    const size = binding.getWindowSize(fd);
    stream.columns = size ? size[0] : 80;
    stream.rows = size ? size[1] : 24;
    process.on('SIGWINCH', () => {
      const now = binding.getWindowSize(fd);
      if (now) {
        stream.columns = now[0];
        stream.rows = now[1];
        stream.emit('resize');
      }
    });
  }
  stream.getWindowSize = () => [stream.columns, stream.rows];
  stream.hasColors = (count = 16, env = process.env) => tty && colorDepth(env) >= Math.log2(count);
  stream.getColorDepth = (env = process.env) => (tty ? colorDepth(env) : 1);
  stream.cursorTo = (x, y, cb) => require('readline').cursorTo(stream, x, y, cb);
  stream.moveCursor = (dx, dy, cb) => require('readline').moveCursor(stream, dx, dy, cb);
  stream.clearLine = (dir, cb) => require('readline').clearLine(stream, dir, cb);
  stream.clearScreenDown = (cb) => require('readline').clearScreenDown(stream, cb);
  return stream;
}

// Bits of color a terminal has, as Node guesses them from the environment.
function colorDepth(env) {
  if (env.FORCE_COLOR !== undefined) {
    return { '': 4, 1: 4, true: 4, 2: 8, 3: 24 }[env.FORCE_COLOR] ?? 1;
  }
  if (env.NODE_DISABLE_COLORS !== undefined || env.NO_COLOR !== undefined || env.TERM === 'dumb') return 1;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 24;
  if (env.TERM && (/-256(color)?$/i.test(env.TERM) || env.TERM === 'xterm-kitty')) return 8;
  if (env.TERM && /^(xterm|screen|tmux|vt100|vt220|rxvt|color|ansi|cygwin|linux|konsole|alacritty|foot)/i.test(env.TERM)) return 4;
  return env.TERM ? 4 : 1;
}

// A terminal or a pipe read on the loop, as a tty.ReadStream on a terminal.
function createPipeReader(fd) {
  const pipeBinding = require('internal:pipe');
  const { PipeStream } = require('internal/pipe_stream');
  const id = pipeBinding.open(fd);
  if (id === undefined) return undefined;
  const stream = new PipeStream(id, { writable: false, fd });
  // Reading stops (and the loop may end) when nobody reads any more.
  stream.on('pause', () => {
    if (stream._reading) {
      stream._reading = false;
      pipeBinding.readStop(stream._handleId);
    }
  });
  // Never close the descriptor (it is borrowed): destroy only lets go of it.
  stream.fd = fd;
  stream.isTTY = binding.isatty(fd);
  if (stream.isTTY) {
    Object.setPrototypeOf(stream, require('tty').ReadStream.prototype);
    stream.isRaw = false;
    stream.setRawMode = function setRawMode(flag) {
      flag = !!flag;
      pipeBinding.setRawMode(fd, flag);
      this.isRaw = flag;
      return this;
    };
  }
  return stream;
}

function createStdin() {
  const type = binding.guessHandleType(0);
  let stream;
  if (type === 'TTY' || type === 'PIPE') stream = createPipeReader(0);
  if (stream === undefined) {
    let done = false;
    stream = new Readable({
      read() {
        if (done) return;
        done = true;
        let bytes;
        try {
          bytes = require('fs').readFileSync(0);
        } catch {
          // a closed or unreadable stdin reads as empty
        }
        if (bytes !== undefined && bytes.length > 0) this.push(bytes);
        this.push(null);
      },
    });
    stream.fd = 0;
    stream.isTTY = false;
  }
  return stream;
}

function createStream(fd) {
  if (fd === 0) return createStdin();
  return createWritableStdio(fd);
}

module.exports = { createStream, createTerminalWriter: createWritableStdio, createTerminalReader: createPipeReader, colorDepth };
