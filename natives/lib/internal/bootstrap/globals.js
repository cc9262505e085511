// The globals Node defines that load a module on first use: one row each,
// [global name, module that exports it under that name, enumerable].
'use strict';

module.exports.lazyGlobals = [
];
