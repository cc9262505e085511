// dns/promises: the promise form of dns (lookup).
'use strict';

module.exports = require('dns').promises;
