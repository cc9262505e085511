// node:stream — Stream (the legacy base, also the module itself),
// Readable, Writable, Duplex, Transform, PassThrough, pipeline, finished,
// addAbortSignal, promises, and the Readable operators. The classes are in
// lib/internal/streams/.
'use strict';

const { Stream } = require('internal/streams/legacy');
const Readable = require('internal/streams/readable');
const Writable = require('internal/streams/writable');
const Duplex = require('internal/streams/duplex');
const { Transform, PassThrough } = require('internal/streams/transform');
const eos = require('internal/streams/end-of-stream');
const { pipeline } = require('internal/streams/pipeline');
const { addAbortSignal } = require('internal/streams/add_abort_signal');
const operators = require('internal/streams/operators');
const utils = require('internal/streams/utils');

for (const [name, op] of Object.entries(operators.promiseReturningOperators)) {
  Readable.prototype[name] = function(...args) {
    return Reflect.apply(op, this, args);
  };
  Object.defineProperty(Readable.prototype[name], 'name', { value: name });
}
for (const name of Object.keys(operators.streamReturningOperators)) {
  const op = operators.streamReturningOperators[name];
  Readable.prototype[name] = function(...args) {
    return Reflect.apply(op, this, args);
  };
  Object.defineProperty(Readable.prototype[name], 'name', { value: name });
}

Stream.isDestroyed = utils.isDestroyed;
Stream.isDisturbed = (stream) => !!(stream && (stream._readableState?.dataEmitted || stream.locked));
Stream.isErrored = utils.isErrored;
Stream.isReadable = utils.isReadable;
Stream.isWritable = utils.isWritable;
Stream.Readable = Readable;
Stream.Writable = Writable;
Stream.Duplex = Duplex;
Stream.Transform = Transform;
Stream.PassThrough = PassThrough;
Stream.pipeline = pipeline;
Stream.addAbortSignal = addAbortSignal;
Stream.finished = eos;
Stream.destroy = utils.destroyer;
Stream.compose = function compose(...streams) {
  return require('internal/streams/compose')(...streams);
};
Stream.setDefaultHighWaterMark = function setDefaultHighWaterMark() {};
Stream.getDefaultHighWaterMark = utils.getDefaultHighWaterMark;
Stream.duplexPair = function duplexPair(options) {
  return require('internal/streams/duplexpair')(options);
};
Object.defineProperty(Stream, 'promises', {
  configurable: true,
  enumerable: true,
  get() {
    return require('stream/promises');
  },
});
Object.defineProperty(pipeline, Symbol.for('nodejs.util.promisify.custom'), {
  enumerable: true,
  get() {
    return require('stream/promises').pipeline;
  },
});
Object.defineProperty(eos, Symbol.for('nodejs.util.promisify.custom'), {
  enumerable: true,
  get() {
    return require('stream/promises').finished;
  },
});
Stream.Stream = Stream;
Stream._isUint8Array = utils.isUint8Array;
Stream._uint8ArrayToBuffer = function _uint8ArrayToBuffer(chunk) {
  return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
};

module.exports = Stream;
