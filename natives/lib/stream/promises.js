// node:stream/promises — pipeline and finished returning promises.
'use strict';

const { pipelineImpl } = require('internal/streams/pipeline');
const eos = require('internal/streams/end-of-stream');
const utils = require('internal/streams/utils');

function pipeline(...streams) {
  return new Promise((resolve, reject) => {
    let signal;
    let end;
    const lastArg = streams[streams.length - 1];
    if (lastArg && typeof lastArg === 'object' && !utils.isNodeStream(lastArg) && !utils.isIterable(lastArg) &&
        !utils.isReadableStream(lastArg) && !utils.isWritableStream(lastArg)) {
      const options = streams.pop();
      signal = options.signal;
      end = options.end;
    }
    pipelineImpl(streams, (err, value) => {
      if (err) reject(err);
      else resolve(value);
    }, { signal, end });
  });
}

module.exports = { finished: eos.finished, pipeline };
