// package.json files as the module loaders read them: parsed once per path
// (a broken one is an error naming the file, as in Node), and the package
// scope of a file — the nearest package.json above it.
'use strict';

const binding = require('internal:modules');
const path = require('path');

const cache = new Map();  // path of a package.json -> its data, or null when there is none

// The parsed package.json at `jsonPath` ({ exists, name, main, exports,
// imports, type, ... }), or null.
function read(jsonPath) {
  if (cache.has(jsonPath)) return cache.get(jsonPath);
  const text = binding.readFile(jsonPath);
  if (text === undefined) {
    cache.set(jsonPath, null);
    return null;
  }
  let data;
  try {
    data = JSON.parse(text);
  } catch (err) {
    // Node: "SyntaxError: Error parsing /x/package.json: <JSON.parse's message>"
    err.message = `Error parsing ${jsonPath}: ${err.message}`;
    err.path = jsonPath;
    if (typeof err.stack === 'string') err.stack = `SyntaxError: ${err.message}${err.stack.slice(err.stack.indexOf('\n'))}`;
    throw err;
  }
  const result = {
    path: jsonPath,
    name: typeof data?.name === 'string' ? data.name : undefined,
    main: typeof data?.main === 'string' ? data.main : undefined,
    exports: data?.exports,
    imports: data?.imports,
    type: data?.type === 'module' || data?.type === 'commonjs' ? data.type : 'none',
  };
  cache.set(jsonPath, result);
  return result;
}

// The nearest package.json at or above the directory of `file`, or null.
// (Not inside node_modules' own folder names: a lookup stops there.)
function scopeOf(file) {
  let dir = path.dirname(file);
  for (;;) {
    if (dir.endsWith(`${path.sep}node_modules`)) return null;
    const data = read(path.join(dir, 'package.json'));
    if (data !== null) return data;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

module.exports = { read, scopeOf };
