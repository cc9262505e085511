// PipeStream: a Duplex over a file descriptor the loop watches (internal:pipe)
// — a child process's stdio pipes, and process.stdin/stdout/stderr when they
// are pipes. Reads arrive from the binding as byte strings and are pushed as
// Buffers (setEncoding decodes them, as in Node); writes take strings and
// Buffers or other ArrayBuffer views.
'use strict';

const Duplex = require('internal/streams/duplex');
const binding = require('internal:pipe');
const { toBuffer, viewToByteString } = require('internal/byte_string');

function errnoException(info, syscall) {
  const err = new Error(`${syscall} ${info.code}`);
  err.errno = info.errno;
  err.code = info.code;
  err.syscall = syscall;
  return err;
}

class PipeStream extends Duplex {
  constructor(id, options = {}) {
    super({
      allowHalfOpen: true,
      readable: options.readable !== false,
      writable: options.writable !== false,
      decodeStrings: false,
      emitClose: true,
      autoDestroy: true,
    });
    this._handleId = id;
    this._pendingWrites = [];
    this._onShutdownDone = null;
    this._closeCallback = null;
    this._reading = false;
    this.fd = options.fd;
    binding.setOwner(id, this);
    binding.setEncoding(id, 'latin1');  // reads as byte strings
  }

  _read() {
    if (!this._reading && this._handleId !== null) {
      this._reading = true;
      binding.readStart(this._handleId);
    }
  }

  _onread(chunk, nbytes, err) {
    if (err) {
      this.destroy(errnoException(err, 'read'));
      return;
    }
    if (chunk === null) {
      this.push(null);
      return;
    }
    if (!this.push(toBuffer(chunk))) {
      this._reading = false;
      binding.readStop(this._handleId);
    }
  }

  _write(chunk, encoding, callback) {
    if (this._handleId === null) {
      callback(new Error('write after close'));
      return;
    }
    this._pendingWrites.push(callback);
    if (typeof chunk === 'string') binding.write(this._handleId, chunk, encoding === 'buffer' ? 'utf8' : encoding);
    else binding.write(this._handleId, viewToByteString(chunk), 'latin1');
  }

  _onwrite(err) {
    const callback = this._pendingWrites.shift();
    if (callback) callback(err ? errnoException(err, 'write') : undefined);
  }

  _final(callback) {
    if (this._handleId === null) {
      callback();
      return;
    }
    this._onShutdownDone = callback;
    binding.shutdown(this._handleId);
  }

  _onshutdown(err) {
    const callback = this._onShutdownDone;
    this._onShutdownDone = null;
    if (callback) callback(err && err.code !== 'ENOTCONN' ? errnoException(err, 'shutdown') : undefined);
  }

  _destroy(err, callback) {
    if (this._handleId === null) {
      callback(err);
      return;
    }
    this._closeCallback = () => callback(err);
    const id = this._handleId;
    this._handleId = null;
    binding.close(id);
  }

  _onclose() {
    const callback = this._closeCallback;
    this._closeCallback = null;
    if (callback) callback();
  }

  ref() {
    if (this._handleId !== null) binding.ref(this._handleId, true);
    return this;
  }

  unref() {
    if (this._handleId !== null) binding.ref(this._handleId, false);
    return this;
  }
}

module.exports = { PipeStream };
