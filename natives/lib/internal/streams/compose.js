// stream.compose(...streams): one Duplex that writes into the first stage
// and reads from the last (pipeline of the stages).
'use strict';

module.exports = function compose(...streams) {
  const { codes } = require('internal/errors');
  if (streams.length === 0) throw new codes.ERR_MISSING_ARGS('streams');
  const duplexify = require('internal/streams/duplexify');
  if (streams.length === 1) return duplexify(streams[0], 'streams[0]');
  const stages = streams.map((s, i) => (typeof s === 'function' ? s : duplexify(s, `streams[${i}]`)));
  const { PassThrough } = require('internal/streams/transform');
  const head = new PassThrough({ objectMode: true });
  const { pipeline } = require('internal/streams/pipeline');
  let failure;
  const tail = pipeline(head, ...stages, (err) => {
    failure = err;
    if (err) composed.destroy(err);
  });
  const composed = duplexify({ writable: head, readable: tail }, 'streams');
  void failure;
  return composed;
};
