// The Web Crypto globals: `crypto` is crypto.webcrypto, `Crypto` its class.
'use strict';

const { webcrypto } = require('crypto');

module.exports = { crypto: webcrypto, Crypto: webcrypto.constructor };
