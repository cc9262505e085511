// Package "exports" and "imports" (Node's ESM resolution algorithm, which
// require() uses for them too), and the ES module resolver.
//
//   exportsResolve(packageDir, subpath, exports, conditions, base) -> file path
//   importsResolve('#name', parentFile, conditions) -> file path or a package specifier's file
//   esmResolve(specifier, parent) -> [format, path | built-in name]
//
// Conditions: require() matches "require", "node", "module-sync" and
// "default"; import matches "import", "node", "module-sync" and "default".
// The first key of a conditions object that matches wins (object order).
// Subpath patterns: "./features/*.js": "./src/*.js" — one "*", the most
// specific (longest prefix) key wins.
'use strict';

const path = require('path');
const binding = require('internal:modules');
const packageJson = require('internal/modules/package_json');
const {
  codes: {
    ERR_INVALID_MODULE_SPECIFIER, ERR_INVALID_PACKAGE_CONFIG, ERR_INVALID_PACKAGE_TARGET,
    ERR_PACKAGE_IMPORT_NOT_DEFINED, ERR_PACKAGE_PATH_NOT_EXPORTED, ERR_MODULE_NOT_FOUND,
    ERR_UNSUPPORTED_DIR_IMPORT, ERR_UNKNOWN_FILE_EXTENSION,
  },
} = require('internal/errors');

const requireConditions = new Set(['require', 'node', 'module-sync', 'node-addons']);
const importConditions = new Set(['import', 'node', 'module-sync', 'node-addons']);

// A path segment a package target may not have: ".", "..", "node_modules"
// (in any case, percent-encoded or not), or (allowEmpty false) an empty one.
function hasInvalidSegment(text, allowEmpty) {
  for (const raw of text.split(/[\\/]/)) {
    const segment = raw.replace(/%2e/gi, '.').replace(/%([0-9a-f]{2})/gi,
      (m, hex) => (/^[a-z_]$/i.test(String.fromCharCode(parseInt(hex, 16))) ? String.fromCharCode(parseInt(hex, 16)) : m));
    if (segment === '.' || segment === '..' || segment.toLowerCase() === 'node_modules') return true;
    if (segment === '' && !allowEmpty) return true;
  }
  return false;
}
const invalidPackageName = /^\.|%|\\/;

function isConditionalExportsMainSugar(exports, packageJsonPath, base) {
  if (typeof exports === 'string' || Array.isArray(exports)) return true;
  if (typeof exports !== 'object' || exports === null) return false;
  const keys = Object.getOwnPropertyNames(exports);
  let isConditionalSugar = false;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const curIsConditionalSugar = key === '' || key[0] !== '.';
    if (i === 0) {
      isConditionalSugar = curIsConditionalSugar;
    } else if (isConditionalSugar !== curIsConditionalSugar) {
      throw new ERR_INVALID_PACKAGE_CONFIG(packageJsonPath, base,
        '"exports" cannot contain some keys starting with \'.\' and some not.' +
        ' The exports object must either be an object of package subpath keys' +
        ' or an object of main entry condition name keys only.');
    }
  }
  return isConditionalSugar;
}

// Which of two pattern keys is more specific (the spec's PATTERN_KEY_COMPARE).
function patternKeyCompare(a, b) {
  const aPatternIndex = a.indexOf('*');
  const bPatternIndex = b.indexOf('*');
  const baseLenA = aPatternIndex === -1 ? a.length : aPatternIndex + 1;
  const baseLenB = bPatternIndex === -1 ? b.length : bPatternIndex + 1;
  if (baseLenA > baseLenB) return -1;
  if (baseLenB > baseLenA) return 1;
  if (aPatternIndex === -1) return 1;
  if (bPatternIndex === -1) return -1;
  if (a.length > b.length) return -1;
  if (b.length > a.length) return 1;
  return 0;
}

function invalidTarget(packageDir, subpath, target, internal, base) {
  if (typeof target === 'object' && target !== null) target = JSON.stringify(target, null, '');
  else target = `${target}`;
  return new ERR_INVALID_PACKAGE_TARGET(packageDir + path.sep, subpath, target, internal, base);
}

// PACKAGE_TARGET_RESOLVE: a target (string, array, conditions object or
// null) to a file path; undefined when no condition matched, null for a
// null target.
function resolveTarget(packageDir, target, subpath, packageSubpath, pattern, internal, isPathMap, base, conditions) {
  if (typeof target === 'string') {
    if (subpath !== '' && !pattern && target[target.length - 1] !== '/') {
      throw invalidTarget(packageDir, packageSubpath, target, internal, base);
    }
    if (!target.startsWith('./')) {
      if (internal && !target.startsWith('../') && !target.startsWith('/')) {
        // Anything but a URL ("scheme:...") is a package specifier.
        if (!/^[a-zA-Z][a-zA-Z\d+.-]*:/.test(target)) {
          const exportTarget = pattern ? target.replaceAll('*', () => subpath) : target + subpath;
          return packageResolve(exportTarget, path.join(packageDir, 'package.json'), conditions);
        }
      }
      throw invalidTarget(packageDir, packageSubpath, target, internal, base);
    }
    if (hasInvalidSegment(target.slice(2), true)) {
      throw invalidTarget(packageDir, packageSubpath, target, internal, base);
    }
    const resolved = path.join(packageDir, target);
    if (!resolved.startsWith(packageDir)) throw invalidTarget(packageDir, packageSubpath, target, internal, base);
    if (subpath === '') return resolved;
    if (hasInvalidSegment(subpath, true)) {
      const request = pattern ? packageSubpath.replace('*', () => subpath) : packageSubpath + subpath;
      throw new ERR_INVALID_MODULE_SPECIFIER(request,
        `request is not a valid match in pattern "${packageSubpath}" for the "${internal ? 'imports' : 'exports'}" resolution of ${packageDir}${path.sep}package.json`, base);
    }
    if (pattern) return path.join(packageDir, target.replaceAll('*', () => subpath));
    return path.join(resolved, subpath);
  }
  if (Array.isArray(target)) {
    if (target.length === 0) return null;
    let lastException;
    for (const targetItem of target) {
      let resolveResult;
      try {
        resolveResult = resolveTarget(packageDir, targetItem, subpath, packageSubpath, pattern, internal, isPathMap,
          base, conditions);
      } catch (e) {
        lastException = e;
        if (e.code === 'ERR_INVALID_PACKAGE_TARGET') continue;
        throw e;
      }
      if (resolveResult === undefined) continue;
      if (resolveResult === null) {
        lastException = null;
        continue;
      }
      return resolveResult;
    }
    if (lastException === undefined || lastException === null) return lastException;
    throw lastException;
  }
  if (typeof target === 'object' && target !== null) {
    const keys = Object.getOwnPropertyNames(target);
    for (const key of keys) {
      if (/^\d+$/.test(key)) {
        throw new ERR_INVALID_PACKAGE_CONFIG(path.join(packageDir, 'package.json'), base,
          '"exports" cannot contain numeric property keys.');
      }
    }
    for (const key of keys) {
      if (key === 'default' || conditions.has(key)) {
        const resolveResult = resolveTarget(packageDir, target[key], subpath, packageSubpath, pattern, internal,
          isPathMap, base, conditions);
        if (resolveResult === undefined) continue;
        return resolveResult;
      }
    }
    return undefined;
  }
  if (target === null) return null;
  throw invalidTarget(packageDir, packageSubpath, target, internal, base);
}

// PACKAGE_EXPORTS_RESOLVE: `subpath` is "." or "./x".
function exportsResolve(packageDir, subpath, exports, conditions, base) {
  const jsonPath = path.join(packageDir, 'package.json');
  if (isConditionalExportsMainSugar(exports, jsonPath, base)) exports = { '.': exports };
  if (Object.prototype.hasOwnProperty.call(exports, subpath) && !subpath.includes('*') && !subpath.endsWith('/')) {
    const resolveResult = resolveTarget(packageDir, exports[subpath], '', subpath, false, false, false, base, conditions);
    if (resolveResult == null) throw new ERR_PACKAGE_PATH_NOT_EXPORTED(packageDir + path.sep, subpath, base);
    return resolveResult;
  }
  const { key, match } = bestPatternMatch(exports, subpath);
  if (key !== '') {
    const resolveResult = resolveTarget(packageDir, exports[key], match, key, true, false, subpath.endsWith('/'),
      base, conditions);
    if (resolveResult == null) throw new ERR_PACKAGE_PATH_NOT_EXPORTED(packageDir + path.sep, subpath, base);
    return resolveResult;
  }
  throw new ERR_PACKAGE_PATH_NOT_EXPORTED(packageDir + path.sep, subpath, base);
}

function bestPatternMatch(map, request) {
  let bestMatch = '';
  let bestMatchSubpath;
  for (const key of Object.getOwnPropertyNames(map)) {
    const patternIndex = key.indexOf('*');
    if (patternIndex !== -1 && request.startsWith(key.slice(0, patternIndex))) {
      const patternTrailer = key.slice(patternIndex + 1);
      if (request.length >= key.length && request.endsWith(patternTrailer) &&
          patternKeyCompare(bestMatch, key) === 1 && key.lastIndexOf('*') === patternIndex) {
        bestMatch = key;
        bestMatchSubpath = request.slice(patternIndex, request.length - patternTrailer.length);
      }
    }
  }
  return { key: bestMatch, match: bestMatchSubpath };
}

// PACKAGE_IMPORTS_RESOLVE: "#name" from a file in a package with "imports".
function importsResolve(name, parentFile, conditions) {
  const base = parentFile;
  if (name === '#' || name.startsWith('#/') || name.endsWith('/')) {
    throw new ERR_INVALID_MODULE_SPECIFIER(name, 'is not a valid internal imports specifier name', base);
  }
  const scope = packageJson.scopeOf(parentFile);
  let packageDir;
  if (scope !== null) {
    packageDir = path.dirname(scope.path);
    const imports = scope.imports;
    if (imports !== null && typeof imports === 'object' && !Array.isArray(imports)) {
      if (Object.prototype.hasOwnProperty.call(imports, name) && !name.includes('*')) {
        const resolveResult = resolveTarget(packageDir, imports[name], '', name, false, true, false, base, conditions);
        if (resolveResult != null) return resolveResult;
      } else {
        const { key, match } = bestPatternMatch(imports, name);
        if (key !== '') {
          const resolveResult = resolveTarget(packageDir, imports[key], match, key, true, true, false, base, conditions);
          if (resolveResult != null) return resolveResult;
        }
      }
    }
  }
  throw new ERR_PACKAGE_IMPORT_NOT_DEFINED(name, packageDir === undefined ? undefined : packageDir + path.sep, base);
}

// A bare specifier's package name and the subpath after it ("@a/b/c" -> "@a/b", "./c").
function parsePackageName(specifier, base) {
  let separatorIndex = specifier.indexOf('/');
  let validPackageName = true;
  let isScoped = false;
  if (specifier[0] === '@') {
    isScoped = true;
    if (separatorIndex === -1 || specifier.length === 0) validPackageName = false;
    else separatorIndex = specifier.indexOf('/', separatorIndex + 1);
  }
  const packageName = separatorIndex === -1 ? specifier : specifier.slice(0, separatorIndex);
  if (invalidPackageName.test(packageName)) validPackageName = false;
  if (!validPackageName) {
    throw new ERR_INVALID_MODULE_SPECIFIER(specifier, 'is not a valid package name', base);
  }
  const packageSubpath = '.' + (separatorIndex === -1 ? '' : specifier.slice(separatorIndex));
  return { packageName, packageSubpath, isScoped };
}

// The package's own name from inside it, when it has "exports" (self-reference).
function packageSelfResolve(packageName, packageSubpath, parentFile, conditions, nameImporter = true) {
  const scope = packageJson.scopeOf(parentFile);
  if (scope === null || scope.exports === undefined || scope.exports === null) return undefined;
  if (scope.name !== packageName) return undefined;
  return exportsResolve(path.dirname(scope.path), packageSubpath, scope.exports, conditions,
    nameImporter ? parentFile : undefined);
}

// The old main of a package (no "exports"): main, main.js, main.json,
// main.node, main/index.js..., then index.js.
function legacyMainResolve(packageDir, main) {
  const tries = [];
  if (main !== undefined) {
    for (const suffix of ['', '.js', '.json', '.node', '/index.js', '/index.json', '/index.node']) {
      tries.push(path.join(packageDir, main + suffix));
    }
  }
  for (const name of ['index.js', 'index.json', 'index.node']) tries.push(path.join(packageDir, name));
  for (const file of tries) {
    if (binding.stat(file) === 0) return file;
  }
  throw new ERR_MODULE_NOT_FOUND(packageDir, undefined);
}

// PACKAGE_RESOLVE for import: node_modules upwards from the parent.
function packageResolve(specifier, parentFile, conditions) {
  if (binding.isBuiltin(specifier)) return { builtin: specifier };
  const { packageName, packageSubpath } = parsePackageName(specifier, parentFile);
  const self = packageSelfResolve(packageName, packageSubpath, parentFile, conditions);
  if (self !== undefined) return self;
  let dir = path.dirname(parentFile);
  for (;;) {
    if (!dir.endsWith(`${path.sep}node_modules`)) {
      const packageDir = path.join(dir, 'node_modules', packageName);
      if (binding.stat(packageDir) === 1) {
        const data = packageJson.read(path.join(packageDir, 'package.json'));
        if (data !== null && data.exports !== undefined && data.exports !== null) {
          return exportsResolve(packageDir, packageSubpath, data.exports, conditions, parentFile);
        }
        if (packageSubpath === '.') return legacyMainResolve(packageDir, data?.main);
        return path.join(packageDir, packageSubpath);
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new ERR_MODULE_NOT_FOUND(packageName, parentFile);
}

// What an ES module file is: 'module', 'commonjs' or 'json'.
function formatOf(file) {
  const ext = path.extname(file);
  if (ext === '.mjs') return 'module';
  if (ext === '.cjs') return 'commonjs';
  if (ext === '.json') return 'json';
  if (ext === '.node') throw new ERR_UNKNOWN_FILE_EXTENSION(ext, file);
  return binding.isESM(file) ? 'module' : 'commonjs';
}

function fileURLToPathLoose(url) {
  return decodeURIComponent(url.slice('file://'.length));
}

// The ES module resolver: [format, path] or ['builtin', name].
function esmResolve(specifier, parent) {
  const parentFile = parent.startsWith('file://') ? fileURLToPathLoose(parent) : parent;
  const bare = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
  if (binding.isBuiltin(bare)) return ['builtin', bare];
  if (specifier.startsWith('node:')) {
    const { codes } = require('internal/errors');
    throw new codes.ERR_UNKNOWN_BUILTIN_MODULE(specifier);
  }
  let file;
  if (specifier.startsWith('file://')) {
    file = fileURLToPathLoose(specifier.replace(/[?#].*$/, ''));
  } else if (specifier.startsWith('/') || specifier.startsWith('./') || specifier.startsWith('../') ||
             specifier === '.' || specifier === '..') {
    file = path.resolve(path.dirname(parentFile), specifier.replace(/[?#].*$/, ''));
  } else if (specifier.startsWith('#')) {
    file = importsResolve(specifier, parentFile, importConditions);
  } else {
    file = packageResolve(specifier, parentFile, importConditions);
  }
  if (file !== null && typeof file === 'object') return ['builtin', file.builtin];
  const kind = binding.stat(file);
  if (kind === 1) throw new ERR_UNSUPPORTED_DIR_IMPORT(file, parent);
  if (kind !== 0) {
    const err = new ERR_MODULE_NOT_FOUND(file, parentFile, `file://${file}`);
    throw err;
  }
  const real = binding.realpath(file);
  return [formatOf(real), real];
}

module.exports = {
  exportsResolve,
  importsResolve,
  parsePackageName,
  packageSelfResolve,
  esmResolve,
  requireConditions,
  importConditions,
};
