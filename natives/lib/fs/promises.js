// node:fs/promises — the same object as require('fs').promises, as in Node.
'use strict';

module.exports = require('fs').promises;
