// The CommonJS loader: Node's Module, in the shape scripts and tools reach
// into (Module._load, Module._resolveFilename, Module._extensions,
// Module.prototype._compile, require.cache, require.resolve(.paths),
// require.main, module.children, module.paths, createRequire).
//
// require(X) from a module in directory D (Node's documented algorithm):
//   1. a built-in ('fs', 'node:fs') is that built-in;
//   2. './x', '../x', '/x': X as a file (X, X.js, X.json, X.node), then as a
//      directory (package.json "main", then index.js, index.json);
//   3. '#x': the package's "imports";
//   4. 'pkg' / 'pkg/sub': the package itself when D is inside it and it has
//      "exports" (self-reference); else node_modules/pkg in D and every
//      directory above: through its "exports" when it has them
//      (conditions "require", "node", "default"), else as a file or
//      directory as in 2.
// The file found is realpath'd (symlinked packages load once). A module is
// cached (require.cache, by filename) before its code runs, so a cycle sees
// the partial exports of a module still loading. .mjs files and .js files
// under "type": "module" are ES modules: require() loads them
// synchronously and returns their namespace (Node 22), unless the graph
// has a top-level await (ERR_REQUIRE_ASYNC_MODULE).
'use strict';

const path = require('path');
const binding = require('internal:modules');
const packageJson = require('internal/modules/package_json');
// Loaded on first use (package "exports"/"imports", errors): large, and
// most requires never need them.
let resolveModule;
function resolveLazy() {
  if (resolveModule === undefined) resolveModule = require('internal/modules/resolve');
  return resolveModule;
}
function codes() {
  return require('internal/errors').codes;
}
const { validateString } = require('internal/validators');

const kIsMainSymbol = Symbol('kIsMainSymbol');

function Module(id = '', parent) {
  this.id = id;
  this.path = path.dirname(id);
  this.exports = {};
  moduleParentCache.set(this, parent);
  updateChildren(parent, this, false);
  this.filename = null;
  this.loaded = false;
  this.children = [];
}

const moduleParentCache = new WeakMap();
Object.defineProperty(Module.prototype, 'parent', {
  get() {
    return moduleParentCache.get(this);
  },
  set(value) {
    moduleParentCache.set(this, value);
  },
  configurable: true,
  enumerable: false,
});

function updateChildren(parent, child, scan) {
  const children = parent?.children;
  if (children && !(scan && children.includes(child))) children.push(child);
}

Module._cache = { __proto__: null };
Module._pathCache = { __proto__: null };
Module._extensions = { __proto__: null };
Module.globalPaths = [];
Module.wrapper = ['(function (exports, require, module, __filename, __dirname) { ', '\n});'];
Module.wrap = (script) => Module.wrapper[0] + script + Module.wrapper[1];
Module.builtinModules = binding.builtinIds().filter((n) => !n.startsWith('internal/'));
Module.isBuiltin = function isBuiltin(moduleName) {
  if (typeof moduleName !== 'string') return false;
  return binding.isBuiltin(moduleName.startsWith('node:') ? moduleName.slice(5) : moduleName);
};

function initPaths() {
  const home = process.env.HOME;
  const prefixDir = path.resolve(process.execPath, '..', '..');
  const paths = [path.resolve(prefixDir, 'lib', 'node')];
  if (home) {
    paths.unshift(path.resolve(home, '.node_libraries'));
    paths.unshift(path.resolve(home, '.node_modules'));
  }
  const nodePath = process.env.NODE_PATH;
  if (nodePath) paths.unshift(...nodePath.split(path.delimiter).filter(Boolean));
  Module.globalPaths = paths.slice();
}
Module._initPaths = initPaths;
initPaths();

// The node_modules directories a module in `from` searches, nearest first.
Module._nodeModulePaths = function _nodeModulePaths(from) {
  from = path.resolve(from);
  if (from === '/') return ['/node_modules'];
  const paths = [];
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (path.basename(dir) !== 'node_modules') paths.push(path.join(dir, 'node_modules'));
    if (dir === '/') break;
  }
  if (paths[paths.length - 1] !== '/node_modules') paths.push('/node_modules');
  return paths;
};

Module._resolveLookupPaths = function _resolveLookupPaths(request, parent) {
  if (Module.isBuiltin(request)) return null;
  if (request[0] !== '.' || (request.length > 1 && request[1] !== '.' && request[1] !== '/')) {
    let paths = parent?.paths?.length ? parent.paths.concat(Module.globalPaths) : Module.globalPaths;
    if (parent?.filename === null || parent?.filename === undefined) {
      paths = Module._nodeModulePaths('.').concat(paths);
    }
    return paths.length > 0 ? paths : null;
  }
  if (!parent || !parent.id || !parent.filename) return ['.'];
  return [path.dirname(parent.filename)];
};

// ---- finding files -----------------------------------------------------------

function stat(file) {
  return binding.stat(file);
}

function toRealPath(requestPath) {
  return binding.realpath(requestPath);
}

function tryFile(requestPath, isMain) {
  if (stat(requestPath) !== 0) return false;
  return toRealPath(requestPath);
}

function tryExtensions(basePath, exts, isMain) {
  for (const ext of exts) {
    const filename = tryFile(basePath + ext, isMain);
    if (filename) return filename;
  }
  return false;
}

function tryPackage(requestPath, exts, isMain, originalPath) {
  const pkg = packageJson.read(path.resolve(requestPath, 'package.json'));
  const main = pkg?.main;
  if (!main) return tryExtensions(path.resolve(requestPath, 'index'), exts, isMain);
  const filename = path.resolve(requestPath, main);
  let actual = tryFile(filename, isMain) || tryExtensions(filename, exts, isMain) ||
    tryExtensions(path.resolve(filename, 'index'), exts, isMain);
  if (actual === false) {
    actual = tryExtensions(path.resolve(requestPath, 'index'), exts, isMain);
    if (!actual) {
      const err = new Error(`Cannot find module '${filename}'. Please verify that the package.json has a valid "main" entry`);
      err.code = 'MODULE_NOT_FOUND';
      err.path = path.resolve(requestPath, 'package.json');
      err.requestPath = originalPath;
      throw err;
    }
  }
  return actual;
}

// A bare request inside node_modules/pkg with "exports".
function resolveExports(nmPath, request) {
  const { packageName, packageSubpath } = parsePackageRequest(request);
  if (packageName === undefined) return false;
  const pkgPath = path.resolve(nmPath, packageName);
  const pkg = packageJson.read(path.join(pkgPath, 'package.json'));
  if (pkg?.exports !== undefined && pkg.exports !== null) {
    // (require()'s errors name no importer, unlike import's.)
    const file = resolveLazy().exportsResolve(pkgPath, packageSubpath, pkg.exports, resolveLazy().requireConditions,
      undefined);
    return finalizeExportsFile(file, request);
  }
  return false;
}

function parsePackageRequest(request) {
  const m = /^((?:@[^/\\%]+\/)?[^./\\%][^/\\%]*)(\/.*)?$/.exec(request);
  if (m === null) return {};
  return { packageName: m[1], packageSubpath: '.' + (m[2] || '') };
}

function finalizeExportsFile(file, request) {
  if (typeof file === 'object' && file !== null) return file;  // a built-in through "imports"
  if (stat(file) === 0) return toRealPath(file);
  const err = new Error(`Cannot find module '${file}'`);
  err.code = 'MODULE_NOT_FOUND';
  throw err;
}

const trailingSlashRegex = /(?:^|\/)\.?\.$/;

Module._findPath = function _findPath(request, paths, isMain) {
  const absoluteRequest = path.isAbsolute(request);
  if (absoluteRequest) {
    paths = [''];
  } else if (!paths || paths.length === 0) {
    return false;
  }
  const cacheKey = request + '\x00' + paths.join('\x00');
  const entry = Module._pathCache[cacheKey];
  if (entry) return entry;
  let exts;
  const trailingSlash = request.length > 0 && (request.endsWith('/') || trailingSlashRegex.test(request));
  const isRelative = request.startsWith('./') || request.startsWith('../') || request === '.' || request === '..';
  for (const curPath of paths) {
    if (curPath && stat(curPath) < 1) continue;  // not a directory
    if (!absoluteRequest && !isRelative) {
      const exportsResolved = resolveExports(curPath, request);
      if (exportsResolved) return exportsResolved;
    }
    const basePath = path.resolve(curPath, request);
    let filename;
    const rc = stat(basePath);
    if (!trailingSlash) {
      if (rc === 0) filename = toRealPath(basePath);
      if (!filename) {
        if (exts === undefined) exts = Object.keys(Module._extensions);
        filename = tryExtensions(basePath, exts, isMain);
      }
    }
    if (!filename && rc === 1) {
      if (exts === undefined) exts = Object.keys(Module._extensions);
      filename = tryPackage(basePath, exts, isMain, request);
    }
    if (filename) {
      Module._pathCache[cacheKey] = filename;
      return filename;
    }
  }
  return false;
};

Module._resolveFilename = function _resolveFilename(request, parent, isMain, options) {
  if (Module.isBuiltin(request)) return request;
  let paths;
  if (typeof options === 'object' && options !== null) {
    if (Array.isArray(options.paths)) {
      const isRelative = request.startsWith('./') || request.startsWith('../');
      if (isRelative) {
        paths = options.paths;
      } else {
        const fakeParent = new Module('', null);
        paths = [];
        for (const p of options.paths) {
          fakeParent.paths = Module._nodeModulePaths(p);
          for (const lookup of Module._resolveLookupPaths(request, fakeParent)) {
            if (!paths.includes(lookup)) paths.push(lookup);
          }
        }
      }
    } else if (options.paths === undefined) {
      paths = Module._resolveLookupPaths(request, parent);
    } else {
      throw new (codes().ERR_INVALID_ARG_VALUE)('options.paths', options.paths);
    }
  } else {
    paths = Module._resolveLookupPaths(request, parent);
  }

  if (request[0] === '#' && (parent?.filename || parent?.id === '<repl>')) {
    const parentFile = parent.filename || path.join(process.cwd(), '[repl]');
    const file = resolveLazy().importsResolve(request, parentFile, resolveLazy().requireConditions);
    return typeof file === 'object' && file !== null ? file.builtin : finalizeExportsFile(file, request);
  }

  // A package referring to itself by name.
  const parentPath = trySelfParentPath(parent);
  if (parentPath !== undefined) {
    const { packageName, packageSubpath } = parsePackageRequest(request);
    const scope = packageName === undefined ? null : packageJson.scopeOf(path.join(parentPath, 'x'));
    if (scope !== null && scope.name === packageName && scope.exports != null) {
      const self = resolveLazy().packageSelfResolve(packageName, packageSubpath, path.join(parentPath, 'x'),
        resolveLazy().requireConditions, false);
      if (self !== undefined) return finalizeExportsFile(self, request);
    }
  }

  const filename = Module._findPath(request, paths, isMain);
  if (filename) return filename;
  const requireStack = [];
  for (let cursor = parent; cursor; cursor = moduleParentCache.get(cursor)) {
    requireStack.push(cursor.filename || cursor.id);
  }
  let message = `Cannot find module '${request}'`;
  if (requireStack.length > 0) message = message + '\nRequire stack:\n- ' + requireStack.join('\n- ');
  const err = new Error(message);
  err.code = 'MODULE_NOT_FOUND';
  err.requireStack = requireStack;
  throw err;
};

function trySelfParentPath(parent) {
  if (!parent) return undefined;
  if (parent.filename) return path.dirname(parent.filename);
  if (parent.id === '<repl>' || parent.id === 'internal/preload') return process.cwd();
  return undefined;
}

// ---- loading -------------------------------------------------------------------

Module._load = function _load(request, parent, isMain) {
  let relResolveCacheIdentifier;
  if (parent) {
    relResolveCacheIdentifier = `${parent.path}\x00${request}`;
    const filename = relativeResolveCache[relResolveCacheIdentifier];
    if (filename !== undefined) {
      const cachedModule = Module._cache[filename];
      if (cachedModule !== undefined) {
        updateChildren(parent, cachedModule, true);
        return cachedModule.exports;
      }
      delete relativeResolveCache[relResolveCacheIdentifier];
    }
  }
  if (request.startsWith('node:')) {
    const id = request.slice(5);
    if (!Module.isBuiltin(id)) throw new (codes().ERR_UNKNOWN_BUILTIN_MODULE)(request);
    return binding.requireBuiltin(id);
  }
  const filename = Module._resolveFilename(request, parent, isMain);
  if (Module.isBuiltin(filename)) return binding.requireBuiltin(filename);
  const cachedModule = Module._cache[filename];
  if (cachedModule !== undefined) {
    updateChildren(parent, cachedModule, true);
    return cachedModule.exports;
  }
  const module = new Module(filename, parent);
  if (isMain) {
    setOwnProperty(process, 'mainModule', module);
    setOwnProperty(module.require, 'main', process.mainModule);
    module.id = '.';
    module[kIsMainSymbol] = true;
  }
  Module._cache[filename] = module;
  if (parent !== undefined) relativeResolveCache[relResolveCacheIdentifier] = filename;
  let threw = true;
  try {
    module.load(filename);
    threw = false;
  } finally {
    if (threw) {
      delete Module._cache[filename];
      if (parent !== undefined) {
        delete relativeResolveCache[relResolveCacheIdentifier];
        const children = parent?.children;
        if (Array.isArray(children)) {
          const index = children.indexOf(module);
          if (index !== -1) children.splice(index, 1);
        }
      }
    }
  }
  return module.exports;
};

const relativeResolveCache = { __proto__: null };

function setOwnProperty(obj, key, value) {
  Object.defineProperty(obj, key, { value, writable: true, configurable: true, enumerable: true });
}

function findLongestRegisteredExtension(filename) {
  const name = path.basename(filename);
  let currentExtension;
  let index;
  let startIndex = 0;
  while ((index = name.indexOf('.', startIndex)) !== -1) {
    startIndex = index + 1;
    if (index === 0) continue;
    currentExtension = name.slice(index);
    if (Module._extensions[currentExtension]) return currentExtension;
  }
  return '.js';
}

Module.prototype.load = function load(filename) {
  this.filename = filename;
  this.paths = Module._nodeModulePaths(path.dirname(filename));
  const extension = findLongestRegisteredExtension(filename);
  Module._extensions[extension](this, filename);
  this.loaded = true;
};

Module.prototype.require = function require(id) {
  validateString(id, 'id');
  if (id === '') throw new (codes().ERR_INVALID_ARG_VALUE)('id', id, 'must be a non-empty string');
  return Module._load(id, this, false);
};

// Runs a module's source in its wrapper: (exports, require, module, __filename, __dirname).
Module.prototype._compile = function _compile(content, filename) {
  const compiledWrapper = binding.compileFunction(content, filename);
  const dirname = path.dirname(filename);
  const require = makeRequireFunction(this);
  const exports = this.exports;
  const thisValue = exports;
  return compiledWrapper.call(thisValue, exports, require, this, filename, dirname);
};

// .js, and every extension not registered (.cjs, .mjs, none): an ES module
// when .mjs or under "type": "module", else CommonJS.
Module._extensions['.js'] = function(module, filename) {
  if (filename.endsWith('.mjs') || (filename.endsWith('.js') && binding.isESM(filename))) {
    loadESMFromCJS(module, filename);
    return;
  }
  const content = readSource(filename);
  module._compile(content, filename);
};

Module._extensions['.json'] = function(module, filename) {
  const content = readSource(filename);
  try {
    setOwnProperty(module, 'exports', JSON.parse(stripBOM(content)));
  } catch (err) {
    err.message = filename + ': ' + err.message;
    if (typeof err.stack === 'string') {
      const nl = err.stack.indexOf('\n');
      err.stack = `SyntaxError: ${err.message}${nl === -1 ? '' : err.stack.slice(nl)}`;
    }
    throw err;
  }
};

Module._extensions['.node'] = function(module, filename) {
  const err = new Error(`Cannot load native addon ${filename}: Glass does not run Node-API addons`);
  err.code = 'ERR_DLOPEN_FAILED';
  throw err;
};

function loadESMFromCJS(module, filename) {
  const namespace = binding.requireESM(filename);
  // export { x as 'module.exports' } chooses what require() returns (Node 22).
  if (Object.prototype.hasOwnProperty.call(namespace, 'module.exports')) {
    module.exports = namespace['module.exports'];
  } else {
    module.exports = namespace;
  }
}

function readSource(filename) {
  const content = binding.readFile(filename);
  if (content === undefined) {
    const err = new Error(`ENOENT: no such file or directory, open '${filename}'`);
    err.code = 'ENOENT';
    err.syscall = 'open';
    err.path = filename;
    throw err;
  }
  return content;
}

function stripBOM(content) {
  return content.charCodeAt(0) === 0xFEFF ? content.slice(1) : content;
}

// ---- require and createRequire ---------------------------------------------------

function makeRequireFunction(mod) {
  let require = function require(path) {
    return mod.require(path);
  };
  function resolve(request, options) {
    validateString(request, 'request');
    return Module._resolveFilename(request, mod, false, options);
  }
  require.resolve = resolve;
  function paths(request) {
    validateString(request, 'request');
    return Module._resolveLookupPaths(request, mod);
  }
  resolve.paths = paths;
  setOwnProperty(require, 'main', process.mainModule);
  require.extensions = Module._extensions;
  require.cache = Module._cache;
  return require;
}

function createRequireFromPath(filename) {
  const trailingSlash = filename.endsWith('/');
  const proxyPath = trailingSlash ? path.join(filename, 'noop.js') : filename;
  const m = new Module(proxyPath);
  m.filename = proxyPath;
  m.paths = Module._nodeModulePaths(m.path);
  return makeRequireFunction(m);
}

function createRequire(filename) {
  let filepath;
  if (typeof filename === 'object' && filename !== null && typeof filename.href === 'string') {
    filepath = require('internal/url').fileURLToPath(filename);
  } else if (typeof filename === 'string' && filename.startsWith('file:')) {
    filepath = require('internal/url').fileURLToPath(filename);
  } else if (typeof filename !== 'string' || !path.isAbsolute(filename)) {
    throw new (codes().ERR_INVALID_ARG_VALUE)('filename', filename,
      'must be a file URL object, file URL string, or absolute path string');
  } else {
    filepath = filename;
  }
  return createRequireFromPath(filepath);
}
Module.createRequire = createRequire;

Module.runMain = function runMain(main = process.argv[1]) {
  Module._load(main, null, true);
};

Module.syncBuiltinESMExports = function syncBuiltinESMExports() {};
Module.register = function register() {};
Module.findSourceMap = function findSourceMap() {
  return undefined;
};
Module.Module = Module;

// ---- the runtime's entry points (lib/internal/bootstrap.js hands them to C++) ----

// The exports of a CommonJS file an ES module imports (no parent).
function requireForImport(filename) {
  const cached = Module._cache[filename];
  if (cached !== undefined) return cached.exports;
  const module = new Module(filename, null);
  Module._cache[filename] = module;
  let threw = true;
  try {
    module.load(filename);
    threw = false;
  } finally {
    if (threw) delete Module._cache[filename];
  }
  return module.exports;
}

// -e / -p / stdin: a module at cwd/[eval] whose require, module, exports,
// __filename and __dirname are globals (Node's [eval] and [stdin]).
function evalScript(name, source) {
  addBuiltinGlobals();
  const module = new Module(name, undefined);
  module.filename = path.join(process.cwd(), name);
  module.paths = Module._nodeModulePaths(process.cwd());
  const require = makeRequireFunction(module);
  globalThis.module = module;
  globalThis.exports = module.exports;
  globalThis.require = require;
  globalThis.__filename = name;
  globalThis.__dirname = '.';
  return binding.evalScript(source, name);
}

// -e, -p and the REPL see the built-in modules as globals (`os.platform()`),
// each loaded when first read; a global of the same name wins.
function addBuiltinGlobals() {
  for (const name of Module.builtinModules) {
    if (!/^[a-z_]+$/.test(name) || name in globalThis) continue;
    Object.defineProperty(globalThis, name, {
      get() {
        const value = require(name);
        Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: false });
        return value;
      },
      set(value) {
        Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: false });
      },
      configurable: true,
      enumerable: false,
    });
  }
}

// -r MODULE: required as from a module in the current directory.
function preload(requests) {
  const parent = new Module('internal/preload', null);
  parent.paths = Module._nodeModulePaths(process.cwd());
  for (const request of requests) parent.require(request);
}

module.exports = { Module, requireForImport, evalScript, preload, createRequire, makeRequireFunction, addBuiltinGlobals };
