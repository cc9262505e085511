// Small helpers the built-in modules share.
'use strict';

// Node's encoding names: the canonical one for a name it accepts, or
// undefined ('UTF-8' -> 'utf8', 'binary' -> 'latin1', 'ucs-2' -> 'utf16le').
function normalizeEncoding(enc) {
  if (enc == null || enc === 'utf8' || enc === 'utf-8') return 'utf8';
  switch (`${enc}`.toLowerCase()) {
    case 'utf8':
    case 'utf-8':
      return 'utf8';
    case 'ucs2':
    case 'ucs-2':
    case 'utf16le':
    case 'utf-16le':
      return 'utf16le';
    case 'latin1':
    case 'binary':
      return 'latin1';
    case 'base64':
      return 'base64';
    case 'base64url':
      return 'base64url';
    case 'hex':
      return 'hex';
    case 'ascii':
      return 'ascii';
    case '':
      return 'utf8';
    default:
      return undefined;
  }
}

function once(callback) {
  let called = false;
  return function(...args) {
    if (called) return;
    called = true;
    return Reflect.apply(callback, this, args);
  };
}

const kEmptyObject = Object.freeze({ __proto__: null });

// V8's short name of an object in messages: "#<Constructor>" ("#<Object>"
// when the prototype has no named constructor, or a proxy's trap throws).
function constructorTag(value) {
  let name = 'Object';
  try {
    const ctor = Object.getPrototypeOf(value)?.constructor;
    if (typeof ctor === 'function' && ctor.name) name = ctor.name;
  } catch {
    // a proxy's trap threw: keep "Object"
  }
  return `#<${name}>`;
}

module.exports = { normalizeEncoding, once, kEmptyObject, constructorTag };
