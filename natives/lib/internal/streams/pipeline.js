// stream.pipeline(source, ...transforms, destination[, callback]): pipes
// each stream into the next, and destroys them all when one fails; the
// callback (or the promise of stream/promises) gets the first error. A
// stage may be a stream, an iterable / async iterable (the source), or a
// function taking the previous stage as an async iterable (a generator).
// As Node's.
'use strict';

const eos = require('internal/streams/end-of-stream');
const utils = require('internal/streams/utils');

function codes() {
  return require('internal/errors').codes;
}

function popCallback(streams) {
  require('internal/validators').validateFunction(streams[streams.length - 1], 'streams[stream.length - 1]');
  return streams.pop();
}

function makeAsyncIterable(val) {
  if (utils.isIterable(val)) return val;
  if (utils.isReadableNodeStream(val)) return fromReadable(val);
  throw new (codes().ERR_INVALID_ARG_TYPE)('val', ['Readable', 'Iterable', 'AsyncIterable'], val);
}

async function* fromReadable(val) {
  const Readable = require('internal/streams/readable');
  yield* Readable.prototype[Symbol.asyncIterator].call(val);
}

async function pumpToNode(iterable, writable, finish, { end }) {
  let error;
  let onresolve = null;
  const resume = (err) => {
    if (err) error = err;
    if (onresolve) {
      const callback = onresolve;
      onresolve = null;
      callback();
    }
  };
  const wait = () => new Promise((resolve, reject) => {
    if (error) {
      reject(error);
    } else {
      onresolve = () => {
        if (error) reject(error);
        else resolve();
      };
    }
  });
  writable.on('drain', resume);
  const cleanup = eos(writable, { readable: false }, resume);
  try {
    if (writable.writableNeedDrain) await wait();
    for await (const chunk of iterable) {
      if (!writable.write(chunk)) await wait();
    }
    if (end) {
      writable.end();
      await wait();
    }
    finish();
  } catch (err) {
    finish(error !== err ? utils.aggregateTwoErrors(error, err) : err);
  } finally {
    cleanup();
    writable.off('drain', resume);
  }
}

function pipeline(...streams) {
  return pipelineImpl(streams, popCallback(streams));
}

function pipelineImpl(streams, callback, opts) {
  if (streams.length === 1 && Array.isArray(streams[0])) streams = streams[0];
  if (streams.length < 2) throw new (codes().ERR_MISSING_ARGS)('streams');
  const ac = new AbortController();
  const signal = ac.signal;
  const outerSignal = opts?.signal;
  const lastStreamCleanup = [];
  require('internal/validators').validateAbortSignal(outerSignal, 'options.signal');
  function abort() {
    finishImpl(new (require('internal/errors').AbortError)());
  }
  outerSignal?.addEventListener('abort', abort);
  let error;
  let value;
  const destroys = [];
  let finishCount = 0;
  function finish(err) {
    finishImpl(err, --finishCount === 0);
  }
  function finishImpl(err, final) {
    if (err && (!error || error.code === 'ERR_STREAM_PREMATURE_CLOSE')) error = err;
    if (!error && !final) return;
    while (destroys.length) destroys.shift()(error);
    outerSignal?.removeEventListener('abort', abort);
    ac.abort();
    if (final) {
      if (!error) lastStreamCleanup.forEach((fn) => fn());
      process.nextTick(callback, error, value);
    }
  }
  let ret;
  for (let i = 0; i < streams.length; i++) {
    const stream = streams[i];
    const reading = i < streams.length - 1;
    const writing = i > 0;
    const end = reading || opts?.end !== false;
    const isLastStream = i === streams.length - 1;
    if (utils.isNodeStream(stream)) {
      if (end && utils.isNodeStream(stream)) destroys.push(destroyer(stream, reading, writing));
      // Errors that come after the pipeline ended are the stream's own business.
      stream.on('error', (err) => {
        if (err?.name !== 'AbortError' && err?.code !== 'ERR_STREAM_PREMATURE_CLOSE') finish(err);
      });
      if (isLastStream) lastStreamCleanup.push(() => {});
    }
    if (i === 0) {
      if (typeof stream === 'function') {
        ret = stream({ signal });
        if (!utils.isIterable(ret)) throw new (codes().ERR_INVALID_RETURN_VALUE)('Iterable, AsyncIterable or Stream', 'source', ret);
      } else if (utils.isIterable(stream) || utils.isReadableNodeStream(stream)) {
        ret = stream;
      } else {
        ret = require('internal/streams/duplex').from(stream);
      }
    } else if (typeof stream === 'function') {
      ret = makeAsyncIterable(ret);
      ret = stream(ret, { signal });
      if (reading) {
        if (!utils.isIterable(ret, true)) {
          throw new (codes().ERR_INVALID_RETURN_VALUE)('AsyncIterable', `transform[${i - 1}]`, ret);
        }
      } else {
        const { PassThrough } = require('internal/streams/transform');
        const pt = new PassThrough({ objectMode: true });
        const then = ret?.then;
        if (typeof then === 'function') {
          finishCount++;
          then.call(ret, (val) => {
            value = val;
            if (val != null) pt.write(val);
            if (end) pt.end();
            process.nextTick(finish);
          }, (err) => {
            pt.destroy(err);
            process.nextTick(finish, err);
          });
        } else if (utils.isIterable(ret, true)) {
          finishCount++;
          pumpToNode(ret, pt, finish, { end });
        } else {
          throw new (codes().ERR_INVALID_RETURN_VALUE)('AsyncIterable or Promise', 'destination', ret);
        }
        ret = pt;
        destroys.push(destroyer(ret, false, true));
      }
    } else if (utils.isNodeStream(stream)) {
      if (utils.isReadableNodeStream(ret)) {
        finishCount += 2;
        const cleanup = pipe(ret, stream, finish, { end });
        if (utils.isReadable(stream) && isLastStream) lastStreamCleanup.push(cleanup);
      } else if (utils.isIterable(ret)) {
        finishCount++;
        pumpToNode(ret, stream, finish, { end });
      } else {
        throw new (codes().ERR_INVALID_ARG_TYPE)('val', ['Readable', 'Iterable', 'AsyncIterable'], ret);
      }
      ret = stream;
    } else {
      ret = require('internal/streams/duplex').from(stream);
    }
  }
  if (signal?.aborted || outerSignal?.aborted) process.nextTick(abort);
  return ret;
}

function destroyer(stream, reading, writing) {
  let finished = false;
  stream.on('close', () => {
    finished = true;
  });
  const cleanup = eos(stream, { readable: reading, writable: writing }, (err) => {
    finished = !err;
  });
  return (err) => {
    if (finished) return;
    finished = true;
    utils.destroyer(stream, err || new (codes().ERR_STREAM_DESTROYED)('pipe'));
    void cleanup;
  };
}

function pipe(src, dst, finish, { end }) {
  let ended = false;
  dst.on('close', () => {
    if (!ended) finish(new (codes().ERR_STREAM_PREMATURE_CLOSE)());
  });
  src.pipe(dst, { end: false });
  if (end) {
    function endFn() {
      ended = true;
      dst.end();
    }
    if (utils.isReadableFinished(src)) process.nextTick(endFn);
    else src.once('end', endFn);
    eos(src, { readable: true, writable: false }, (err) => {
      const rState = src._readableState;
      if (err && err.code === 'ERR_STREAM_PREMATURE_CLOSE' && rState && rState.ended && !rState.errored && !rState.errorEmitted) {
        src.once('end', finish).once('error', finish);
      } else {
        finish(err);
      }
    });
  } else {
    finish();
  }
  eos(dst, { readable: false, writable: true }, finish);
  return () => {};
}

module.exports = { pipeline, pipelineImpl };
