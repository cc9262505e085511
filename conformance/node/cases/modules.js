// CommonJS: relative files, index.js, .json, node_modules with package.json main, the cache, cycles, module/exports/__filename/__dirname, a missing module's error.
const path = require('path');
const sub = require('./fixtures/dir');
console.log(`directory index: ${sub.name}`);
console.log(`json: ${require('./fixtures/data.json').value}`);
console.log(`package main: ${require('pkg')()}`);
console.log(`cached: ${require('./fixtures/dir') === sub} ${require('./fixtures/dir/index.js') === sub}`);
const a = require('./fixtures/cycle-a');
console.log(`cycle: ${a.fromB} ${a.done}`);
console.log(`module: ${module.exports === exports} ${path.basename(__filename)} ${path.basename(__dirname)} ${typeof require.cache}`);
console.log(`this is exports: ${this === module.exports}`);
try { require('./fixtures/missing'); } catch (e) { console.log(`missing: ${e.code} ${e.message.split('\n')[0]}`); }
try { require('./fixtures/bad.json'); } catch (e) { console.log(`bad json: ${e.name}`); }
console.log(`builtin prefix: ${require('node:path') === path}`);
