// dns: lookup() (getaddrinfo on the loop's thread pool, through
// internal:tcp) and its promise form. The resolve* family (DNS queries
// that bypass the system resolver) is not here.
'use strict';

const binding = require('internal:tcp');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE },
  lookupError,
} = require('internal/errors');
const { validateBoolean, validateFunction, validateString } = require('internal/validators');

// lookup's options: a family number, or { family, all, verbatim, hints, order }.
function lookupOptions(options) {
  let family = 0;
  let all = false;
  if (typeof options === 'number') {
    family = options;
  } else if (options !== undefined && options !== null) {
    if (typeof options !== 'object') throw new ERR_INVALID_ARG_TYPE('options', ['integer', 'object'], options);
    if (options.family !== undefined) {
      family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
    }
    if (options.all !== undefined) {
      validateBoolean(options.all, 'options.all');
      all = options.all;
    }
  }
  if (family !== 0 && family !== 4 && family !== 6) {
    throw new ERR_INVALID_ARG_VALUE('options.family', family, 'must be one of: 0, 4, 6');
  }
  return { family, all };
}

// The addresses of `hostname` of the family asked for, as { address, family }.
function resolve(hostname, family, done) {
  binding.lookup(hostname, (err, addresses) => {
    if (err) {
      done(lookupError(err, hostname));
      return;
    }
    const found = addresses.map((address) => ({ address, family: binding.isIP(address) }))
      .filter((entry) => family === 0 || entry.family === family);
    if (found.length === 0) done(lookupError({ code: 'ENOTFOUND', errno: -3008 }, hostname));
    else done(null, found);
  });
}

// lookup(hostname[, options], callback): callback(err, address, family), or
// callback(err, [{ address, family }]) with `all`.
function lookup(hostname, options, callback) {
  if (hostname) validateString(hostname, 'hostname');
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');
  const { family, all } = lookupOptions(options);
  if (!hostname) {
    process.nextTick(() => (all ? callback(null, []) : callback(null, null, family === 6 ? 6 : 4)));
    return {};
  }
  // An IP address is its own answer (without asking the resolver), as in Node.
  const ipFamily = binding.isIP(hostname);
  if (ipFamily !== 0 && (family === 0 || family === ipFamily)) {
    process.nextTick(() => (all ? callback(null, [{ address: hostname, family: ipFamily }])
      : callback(null, hostname, ipFamily)));
    return {};
  }
  resolve(hostname, family, (err, found) => {
    if (err) callback(err);
    else if (all) callback(null, found);
    else callback(null, found[0].address, found[0].family);
  });
  return {};
}

const promises = {
  lookup(hostname, options) {
    if (hostname) validateString(hostname, 'hostname');
    const { all } = lookupOptions(options);
    return new Promise((resolvePromise, reject) => {
      lookup(hostname, options, (err, address, family) => {
        if (err) reject(err);
        else resolvePromise(all ? address : { address, family });
      });
    });
  },
};

module.exports = {
  lookup,
  promises,
  ADDRCONFIG: 1024,
  V4MAPPED: 2048,
  ALL: 256,
  NOTFOUND: 'ENOTFOUND',
};
