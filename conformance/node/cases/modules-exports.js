// package.json "exports" and "imports" through require(): conditions
// (require, node, default), subpath patterns, null targets, JSON, scoped
// packages, conditional sugar, self-reference, "main" without an
// extension, and Node's errors for what a package does not export.
'use strict';
const show = (label, fn) => {
  try {
    console.log(label, '->', fn());
  } catch (err) {
    console.log(label, '!!', err.code, err.message.split('\n')[0].replace(__dirname, '<dir>'));
  }
};
show('root', () => require('exp-pkg'));
show('feature', () => require('exp-pkg/feature'));
show('pattern', () => require('exp-pkg/utils/a').name);
show('null target', () => require('exp-pkg/utils/secret'));
show('null pattern', () => require('exp-pkg/internal/x'));
show('not exported', () => require('exp-pkg/cjs.js'));
show('json', () => require('exp-pkg/data.json').value);
show('package.json', () => require('exp-pkg/package.json').name);
show('self-reference', () => require('exp-pkg/self'));
show('scoped', () => require('@scope/named'));
show('scoped sub', () => require('@scope/named/sub'));
show('scoped missing', () => require('@scope/named/nope'));
show('sugar', () => require('sugar'));
show('main without extension', () => require('main-pkg'));
show('missing package', () => require('no-such-package'));
show('resolve root', () => require.resolve('exp-pkg').replace(__dirname, '<dir>'));
show('resolve pattern', () => require.resolve('exp-pkg/utils/a').replace(__dirname, '<dir>'));
show('resolve builtin', () => require.resolve('fs'));
show('resolve node:', () => require.resolve('node:path'));
show('resolve paths builtin', () => require.resolve.paths('fs'));
show('resolve paths relative', () => require.resolve.paths('./x').map((p) => p.replace(__dirname, '<dir>')));
show('resolve paths bare', () => require.resolve.paths('y').slice(0, 1).map((p) => p.replace(__dirname, '<dir>')));
show('resolve with paths', () => require.resolve('./data.json', { paths: [__dirname + '/fixtures'] }).replace(__dirname, '<dir>'));
show('unknown node:', () => require('node:nope'));
show('empty id', () => require(''));
show('bad id type', () => require(5));
