// node:module — the CommonJS Module class itself (createRequire,
// builtinModules, isBuiltin, _load, _resolveFilename, ...), as in Node.
'use strict';

module.exports = require('internal/modules/cjs/loader').Module;
