// stream.addAbortSignal(signal, stream): aborting the signal destroys the
// stream with an AbortError.
'use strict';

const { isNodeStream } = require('internal/streams/utils');

function codes() {
  return require('internal/errors').codes;
}

function addAbortSignal(signal, stream) {
  require('internal/validators').validateAbortSignal(signal, 'signal');
  if (!isNodeStream(stream)) {
    throw new (codes().ERR_INVALID_ARG_TYPE)('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
  }
  return addAbortSignalNoValidate(signal, stream);
}

function addAbortSignalNoValidate(signal, stream) {
  if (typeof signal !== 'object' || !('aborted' in signal)) return stream;
  const onAbort = () => {
    const { AbortError } = require('internal/errors');
    stream.destroy(new AbortError(undefined, { cause: signal.reason }));
  };
  if (signal.aborted) {
    onAbort();
  } else {
    signal.addEventListener('abort', onAbort, { once: true });
    require('internal/streams/end-of-stream')(stream, () => signal.removeEventListener('abort', onAbort));
  }
  return stream;
}

module.exports = { addAbortSignal, addAbortSignalNoValidate };
