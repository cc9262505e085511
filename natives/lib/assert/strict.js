// assert/strict: assert's strict mode (the same object as assert.strict).
'use strict';

module.exports = require('assert').strict;
