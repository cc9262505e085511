// Duplex.from(body): a Duplex from a stream, an iterable or async
// iterable (readable side), an async generator function (a transform), a
// promise, or { readable, writable }.
'use strict';

const utils = require('internal/streams/utils');

function codes() {
  return require('internal/errors').codes;
}

module.exports = function duplexify(body, name) {
  const Duplex = require('internal/streams/duplex');
  const Readable = require('internal/streams/readable');
  if (utils.isDuplexNodeStream(body)) return body;
  if (utils.isReadableNodeStream(body)) return wrap({ readable: body });
  if (utils.isWritableNodeStream(body)) return wrap({ writable: body });
  if (typeof body === 'function') {
    const { PassThrough } = require('internal/streams/transform');
    const input = new PassThrough({ objectMode: true });
    const output = Readable.from(body(input));
    return wrap({ readable: output, writable: input });
  }
  if (utils.isIterable(body)) return Readable.from(body);
  if (typeof body?.then === 'function') {
    let d;
    const { PassThrough } = require('internal/streams/transform');
    const pt = new PassThrough({ objectMode: true });
    body.then((value) => {
      if (value != null) pt.push(value);
      pt.push(null);
    }, (err) => pt.destroy(err));
    d = wrap({ readable: pt });
    return d;
  }
  if (body && typeof body === 'object' && (body.readable || body.writable)) {
    return wrap({
      readable: body.readable ? duplexify(body.readable) : undefined,
      writable: body.writable ? duplexify(body.writable) : undefined,
    });
  }
  throw new (codes().ERR_INVALID_ARG_TYPE)(name,
    ['Blob', 'ReadableStream', 'WritableStream', 'Stream', 'Iterable', 'AsyncIterable', 'Function',
      '{ readable, writable } pair', 'Promise'], body);

  // A Duplex forwarding to a readable side and a writable side.
  function wrap({ readable, writable }) {
    const d = new Duplex({
      objectMode: true,
      readableObjectMode: !!readable?.readableObjectMode,
      writableObjectMode: !!writable?.writableObjectMode,
      readable: !!readable,
      writable: !!writable,
      write(chunk, encoding, callback) {
        if (writable.write(chunk, encoding)) callback();
        else writable.once('drain', callback);
      },
      final(callback) {
        writable.end();
        require('internal/streams/end-of-stream')(writable, { readable: false }, (err) => callback(err));
      },
      read() {
        resume();
      },
      destroy(err, callback) {
        if (readable) utils.destroyer(readable, err);
        if (writable) utils.destroyer(writable, err);
        callback(err);
      },
    });
    let resume = () => {};
    if (readable) {
      readable.on('readable', () => resume());
      resume = () => {
        let chunk;
        while ((chunk = readable.read()) !== null) {
          if (!d.push(chunk)) return;
        }
      };
      require('internal/streams/end-of-stream')(readable, { writable: false }, (err) => {
        if (err) utils.destroyer(d, err);
        else d.push(null);
      });
    }
    return d;
  }
};
