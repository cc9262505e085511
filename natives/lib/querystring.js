// node:querystring — parse and stringify URL query strings as Node does
// (its own escaping table, '+' as space, repeated keys as arrays, objects
// without a prototype, maxKeys).
'use strict';

// What escape() leaves alone: A-Z a-z 0-9 - _ . ! ~ * ' ( ).
const noEscape = new Array(128).fill(0);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()") {
  noEscape[c.charCodeAt(0)] = 1;
}
const hexTable = Array.from({ length: 256 }, (_, i) => '%' + (i < 16 ? '0' : '') + i.toString(16).toUpperCase());

function codes() {
  return require('internal/errors').codes;
}

// querystring.escape(str): percent-encoding of UTF-8, surrogate pairs kept
// together; a lone surrogate is an error (URIError), as in Node.
function qsEscape(str) {
  if (typeof str !== 'string') {
    if (typeof str === 'object') str = String(str);
    else str += '';
  }
  let out = '';
  let lastPos = 0;
  for (let i = 0; i < str.length; ++i) {
    let c = str.charCodeAt(i);
    if (c < 0x80) {
      if (noEscape[c] === 1) continue;
      if (lastPos < i) out += str.slice(lastPos, i);
      lastPos = i + 1;
      out += hexTable[c];
      continue;
    }
    if (lastPos < i) out += str.slice(lastPos, i);
    if (c < 0x800) {
      lastPos = i + 1;
      out += hexTable[0xC0 | (c >> 6)] + hexTable[0x80 | (c & 0x3F)];
      continue;
    }
    if (c < 0xD800 || c >= 0xE000) {
      lastPos = i + 1;
      out += hexTable[0xE0 | (c >> 12)] + hexTable[0x80 | ((c >> 6) & 0x3F)] + hexTable[0x80 | (c & 0x3F)];
      continue;
    }
    ++i;
    if (i >= str.length) throw new (codes().ERR_INVALID_URI)();
    const c2 = str.charCodeAt(i) & 0x3FF;
    lastPos = i + 1;
    c = 0x10000 + (((c & 0x3FF) << 10) | c2);
    out += hexTable[0xF0 | (c >> 18)] + hexTable[0x80 | ((c >> 12) & 0x3F)] + hexTable[0x80 | ((c >> 6) & 0x3F)] +
      hexTable[0x80 | (c & 0x3F)];
  }
  if (lastPos === 0) return str;
  if (lastPos < str.length) return out + str.slice(lastPos);
  return out;
}

// unescape: decodeURIComponent, or (on malformed input) the bytes of
// unescapeBuffer read as UTF-8 (bad sequences become U+FFFD).
function qsUnescape(s, decodeSpaces) {
  try {
    return decodeURIComponent(s);
  } catch {
    return unescapeBuffer(s, decodeSpaces).toString();
  }
}

// unescapeBuffer: %XX as that byte, '+' as a space when asked, any other
// code unit as its low byte.
function unescapeBuffer(s, decodeSpaces) {
  const out = Buffer.allocUnsafe(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2B && decodeSpaces) {
      out[n++] = 0x20;
    } else if (c === 0x25 && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 1, i + 3))) {
      out[n++] = parseInt(s.slice(i + 1, i + 3), 16);
      i += 2;
    } else {
      out[n++] = c & 0xFF;
    }
  }
  return out.slice(0, n);
}

function stringifyPrimitive(v) {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return '' + v;
  if (typeof v === 'bigint') return '' + v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}

function encodeStringified(v, encode) {
  if (typeof v === 'string') return v.length ? encode(v) : '';
  if (typeof v === 'number' && Number.isFinite(v)) return Math.abs(v) < 1e21 ? '' + v : encode('' + v);
  if (typeof v === 'bigint') return '' + v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}

function stringify(obj, sep, eq, options) {
  sep = sep || '&';
  eq = eq || '=';
  let encode = qsEscape;
  if (options && typeof options.encodeURIComponent === 'function') encode = options.encodeURIComponent;
  const convert = encode === qsEscape ? encodeStringified : (v, e) => e(stringifyPrimitive(v));
  if (obj !== null && typeof obj === 'object') {
    const keys = Object.keys(obj);
    const len = keys.length;
    let fields = '';
    for (let i = 0; i < len; ++i) {
      const k = keys[i];
      const v = obj[k];
      let ks = convert(k, encode);
      ks += eq;
      if (Array.isArray(v)) {
        const vlen = v.length;
        if (vlen === 0) continue;
        if (fields) fields += sep;
        for (let j = 0; j < vlen; ++j) {
          if (j) fields += sep;
          fields += ks;
          fields += convert(v[j], encode);
        }
      } else {
        if (fields) fields += sep;
        fields += ks;
        fields += convert(v, encode);
      }
    }
    return fields;
  }
  return '';
}

function addKeyVal(obj, key, value, keyEncoded, valEncoded, decode) {
  if (key.length > 0 && keyEncoded) key = decodeStr(key, decode);
  if (value.length > 0 && valEncoded) value = decodeStr(value, decode);
  if (obj[key] === undefined) {
    obj[key] = value;
  } else {
    const curValue = obj[key];
    if (curValue.pop) curValue[curValue.length] = value;
    else obj[key] = [curValue, value];
  }
}

function decodeStr(s, decoder) {
  try {
    return decoder(s);
  } catch {
    return qsUnescape(s);
  }
}

// querystring.parse(str[, sep[, eq[, options]]])
function parse(qs, sep, eq, options) {
  const obj = { __proto__: null };
  if (typeof qs !== 'string' || qs.length === 0) return obj;
  sep = sep ? String(sep) : '&';
  eq = eq ? String(eq) : '=';
  let maxKeys = 1000;
  if (options && typeof options.maxKeys === 'number') maxKeys = options.maxKeys;
  let pairs = maxKeys > 0 ? maxKeys : Infinity;
  let decode = qsUnescape;
  if (options && typeof options.decodeURIComponent === 'function') decode = options.decodeURIComponent;
  const customDecode = decode !== qsUnescape;
  for (const piece of qs.split(sep)) {
    if (pairs <= 0) break;
    if (piece.length === 0 && sep.length > 0) continue;
    const idx = piece.indexOf(eq);
    let key;
    let value;
    if (idx >= 0) {
      key = piece.slice(0, idx);
      value = piece.slice(idx + eq.length);
    } else {
      key = piece;
      value = '';
    }
    const keyPlus = key.replace(/\+/g, ' ');
    const valuePlus = value.replace(/\+/g, ' ');
    addKeyVal(obj, keyPlus, valuePlus, customDecode || /[%+]/.test(key), customDecode || /[%+]/.test(value), decode);
    pairs--;
  }
  return obj;
}

module.exports = {
  unescapeBuffer,
  unescape: qsUnescape,
  escape: qsEscape,
  stringify,
  encode: stringify,
  parse,
  decode: parse,
};
