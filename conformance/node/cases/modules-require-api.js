// require.main, module.children, module.paths, require.cache, module.parent,
// the module wrapper's arguments, createRequire, Module statics.
'use strict';
const Module = require('module');
console.log(require.main === module, module.id, typeof module.filename, module.loaded);
console.log(module.paths[0].endsWith('cases/node_modules'), module.paths.length > 2);
const child = require('./fixtures/data.json');
console.log(module.children.length, module.children.map((c) => c.id.replace(__dirname, '<dir>')));
console.log(Object.keys(require.cache).some((k) => k.endsWith('data.json')), require.cache[__filename] === module);
delete require.cache[require.resolve('./fixtures/data.json')];
const again = require('./fixtures/data.json');
console.log(child === again, JSON.stringify(again));
console.log(typeof Module, Module === Module.Module, typeof Module.createRequire, Array.isArray(Module.builtinModules));
console.log(Module.builtinModules.includes('fs'), Module.builtinModules.includes('internal/errors'), Module.isBuiltin('node:fs'), Module.isBuiltin('nope'));
const r = Module.createRequire(__filename);
console.log(r('./fixtures/data.json') === again, typeof r.resolve, r.resolve('exp-pkg').replace(__dirname, '<dir>'));
const fromUrl = Module.createRequire('file://' + __filename);
console.log(fromUrl('exp-pkg').kind);
try {
  Module.createRequire('relative/path');
} catch (err) {
  console.log(err.code, err.message);
}
console.log(typeof Module.wrap('x'), Module.wrap('1').startsWith('(function (exports, require, module, __filename, __dirname) { '));
console.log(typeof Module._load, typeof Module._resolveFilename, typeof Module._extensions['.js'], Object.keys(Module._extensions));
console.log(Module._nodeModulePaths('/a/b/node_modules/c'));
console.log(arguments.length, typeof arguments[1], this === module.exports);
