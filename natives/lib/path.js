// node:path (POSIX): join, resolve, normalize, relative, dirname, basename,
// extname, parse, format, isAbsolute, sep, delimiter. Built into the binary.
'use strict';

function assertPath(value, name = 'path') {
  if (typeof value !== 'string') {
    const err = new TypeError(`The "${name}" argument must be of type string. Received ${value === null ? 'null' : typeof value}`);
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
}

// Resolves '.' and '..' segments; `absolute` keeps '..' from climbing above the root.
function normalizeSegments(path, absolute) {
  const out = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
    } else {
      out.push(segment);
    }
  }
  return out.join('/');
}

function normalize(path) {
  assertPath(path);
  if (path.length === 0) return '.';
  const absolute = path[0] === '/';
  const trailing = path[path.length - 1] === '/';
  let result = normalizeSegments(path, absolute);
  if (result.length === 0) return absolute ? '/' : trailing ? './' : '.';
  if (trailing) result += '/';
  return absolute ? '/' + result : result;
}

function join(...parts) {
  const kept = [];
  for (const part of parts) {
    assertPath(part);
    if (part.length > 0) kept.push(part);
  }
  return kept.length === 0 ? '.' : normalize(kept.join('/'));
}

function resolve(...parts) {
  let resolved = '';
  let absolute = false;
  for (let i = parts.length - 1; i >= -1 && !absolute; i--) {
    const part = i >= 0 ? parts[i] : process.cwd();
    assertPath(part, `paths[${i}]`);
    if (part.length === 0) continue;
    resolved = part + '/' + resolved;
    absolute = part[0] === '/';
  }
  const result = normalizeSegments(resolved, absolute);
  return absolute ? '/' + result : result.length > 0 ? result : '.';
}

function isAbsolute(path) {
  assertPath(path);
  return path.length > 0 && path[0] === '/';
}

function relative(from, to) {
  assertPath(from, 'from');
  assertPath(to, 'to');
  if (from === to) return '';
  const a = resolve(from).split('/').filter(Boolean);
  const b = resolve(to).split('/').filter(Boolean);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  const up = a.slice(common).map(() => '..');
  return up.concat(b.slice(common)).join('/');
}

function trimTrailingSlashes(path) {
  let end = path.length;
  while (end > 1 && path[end - 1] === '/') end--;
  return path.slice(0, end);
}

function dirname(path) {
  assertPath(path);
  if (path.length === 0) return '.';
  const trimmed = trimTrailingSlashes(path);
  const slash = trimmed.lastIndexOf('/');
  if (slash === -1) return '.';
  if (slash === 0) return '/';
  return trimTrailingSlashes(trimmed.slice(0, slash));
}

function basename(path, suffix) {
  assertPath(path);
  if (suffix !== undefined) assertPath(suffix, 'ext');
  const trimmed = path === '/' ? '' : trimTrailingSlashes(path);
  let base = trimmed.slice(trimmed.lastIndexOf('/') + 1);
  if (suffix !== undefined && suffix !== base && base.endsWith(suffix)) base = base.slice(0, base.length - suffix.length);
  return base;
}

function extname(path) {
  assertPath(path);
  const base = basename(path);
  const dot = base.lastIndexOf('.');
  if (dot <= 0 || (dot === 1 && base === '..')) return '';
  return base.slice(dot);
}

function parse(path) {
  assertPath(path);
  const root = path[0] === '/' ? '/' : '';
  if (path === '' ) return { root: '', dir: '', base: '', ext: '', name: '' };
  const base = basename(path);
  const ext = extname(path);
  let dir = dirname(path);
  if (dir === '.' && !path.includes('/')) dir = '';
  return { root, dir, base, ext, name: ext ? base.slice(0, base.length - ext.length) : base };
}

function format(object) {
  if (object === null || typeof object !== 'object') {
    const err = new TypeError(`The "pathObject" argument must be of type object. Received ${object === null ? 'null' : typeof object}`);
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  const dir = object.dir || object.root;
  const base = object.base || `${object.name || ''}${object.ext ? (object.ext[0] === '.' ? '' : '.') + object.ext : ''}`;
  if (!dir) return base;
  return dir === object.root ? `${dir}${base}` : `${dir}/${base}`;
}

const posix = { sep: '/', delimiter: ':', normalize, join, resolve, isAbsolute, relative, dirname, basename, extname, parse, format,
  toNamespacedPath: (p) => p };
posix.posix = posix;
module.exports = posix;
