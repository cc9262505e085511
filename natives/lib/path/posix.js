// path/posix: the POSIX path functions (path itself on this platform).
'use strict';

module.exports = require('path').posix;
