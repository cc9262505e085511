// Deep equality, as Node's assert and util.isDeepStrictEqual define it.
//   strict (deepStrictEqual): Object.is for primitives, same prototypes and
//     [[Class]], own enumerable string and symbol keys;
//   loose (deepEqual): == for primitives (NaN equals NaN), prototypes
//     ignored, own enumerable string keys.
// Dates by time, RegExps by source/flags/lastIndex, boxed primitives by
// value, Errors also by name and message, typed arrays by bytes, Maps and
// Sets by entries (object keys matched deeply, in any order). Cycles are
// followed once (a memo of the pairs being compared).
'use strict';

const { internalClass, boxedValue } = require('internal:util');

const kStrict = true;
const kLoose = false;

function isDeepEqual(val1, val2) {
  return innerDeepEqual(val1, val2, kLoose);
}

function isDeepStrictEqual(val1, val2) {
  return innerDeepEqual(val1, val2, kStrict);
}

function isObjectLike(v) {
  return v !== null && (typeof v === 'object' || typeof v === 'function');
}

function innerDeepEqual(val1, val2, strict, memos) {
  if (val1 === val2) {
    if (val1 !== 0) return true;
    return strict ? Object.is(val1, val2) : true;
  }
  if (strict) {
    if (typeof val1 !== 'object') return typeof val1 === 'number' && Number.isNaN(val1) && Number.isNaN(val2);
    if (typeof val2 !== 'object' || val1 === null || val2 === null) return false;
    if (Object.getPrototypeOf(val1) !== Object.getPrototypeOf(val2)) return false;
  } else {
    if (val1 === null || typeof val1 !== 'object') {
      if (val2 === null || typeof val2 !== 'object') {
        // eslint-disable-next-line eqeqeq
        return val1 == val2 || (Number.isNaN(val1) && Number.isNaN(val2));
      }
      return false;
    }
    if (val2 === null || typeof val2 !== 'object') return false;
  }
  const tag1 = Object.prototype.toString.call(val1);
  const tag2 = Object.prototype.toString.call(val2);
  if (tag1 !== tag2) return false;
  const class1 = internalClass(val1);
  const class2 = internalClass(val2);
  if (class1 !== class2) return false;

  if (Array.isArray(val1)) {
    if (!Array.isArray(val2) || val1.length !== val2.length) return false;
    const keys1 = ownKeys(val1, strict, true);
    const keys2 = ownKeys(val2, strict, true);
    if (keys1.length !== keys2.length) return false;
    return keyCheck(val1, val2, strict, memos, kIsArray, keys1);
  }
  if (tag1 === '[object Object]' && class1 === 'Object') {
    return keyCheck(val1, val2, strict, memos, kNoIterator);
  }
  if (class1 === 'Date') {
    if (Date.prototype.getTime.call(val1) !== Date.prototype.getTime.call(val2)) return false;
  } else if (class1 === 'RegExp') {
    if (!areSimilarRegExps(val1, val2)) return false;
  } else if (class1 === 'Error' || val1 instanceof Error) {
    if ((!strict && (val1.message !== val2.message || val1.name !== val2.name)) ||
        (strict && (!innerDeepEqual(errorProperty(val1, 'message'), errorProperty(val2, 'message'), strict, memos) ||
                    !innerDeepEqual(errorProperty(val1, 'name'), errorProperty(val2, 'name'), strict, memos)))) {
      return false;
    }
    if (strict && 'cause' in val1 !== 'cause' in val2) return false;
    if (strict && 'cause' in val1 && !innerDeepEqual(val1.cause, val2.cause, strict, memos)) return false;
  } else if (globalThis.ArrayBuffer?.isView?.(val1)) {
    if (!areEqualArrayBufferViews(val1, val2, strict)) return false;
    const keys = ownKeys(val1, strict, true);
    if (keys.length !== ownKeys(val2, strict, true).length) return false;
    return keyCheck(val1, val2, strict, memos, kNoIterator, keys);
  } else if (class1 === 'Set') {
    if (val1.size !== val2.size) return false;
    return keyCheck(val1, val2, strict, memos, kIsSet);
  } else if (class1 === 'Map') {
    if (val1.size !== val2.size) return false;
    return keyCheck(val1, val2, strict, memos, kIsMap);
  } else if (class1 === 'ArrayBuffer' || class1 === 'SharedArrayBuffer') {
    if (val1.byteLength !== val2.byteLength) return false;
    const a = new Uint8Array(val1);
    const b = new Uint8Array(val2);
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  } else if (['Number', 'String', 'Boolean', 'BigInt', 'Symbol'].includes(class1)) {
    if (!Object.is(boxedValue(val1), boxedValue(val2))) return false;
  } else if (class1 === 'WeakMap' || class1 === 'WeakSet' || class1 === 'Promise') {
    return false;
  } else if (typeof val1 === 'function') {
    return false;
  }
  return keyCheck(val1, val2, strict, memos, kNoIterator);
}

function errorProperty(err, key) {
  const d = Object.getOwnPropertyDescriptor(err, key);
  return d !== undefined ? d.value : err[key];
}

function areSimilarRegExps(a, b) {
  return a.source === b.source && a.flags === b.flags && a.lastIndex === b.lastIndex;
}

function areEqualArrayBufferViews(a, b, strict) {
  if (a.byteLength !== b.byteLength) return false;
  if (!strict && (a instanceof Float32Array || a instanceof Float64Array)) {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }
  const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

const kNoIterator = 0;
const kIsArray = 1;
const kIsSet = 2;
const kIsMap = 3;

// The own keys compared: enumerable string keys (not indices of arrays and
// typed arrays: those are compared by position), and enumerable symbols when strict.
function ownKeys(obj, strict, skipIndices) {
  let keys = Object.keys(obj);
  if (skipIndices) keys = keys.filter((k) => !/^(0|[1-9][0-9]*)$/.test(k) || Number(k) >= 2 ** 32 - 1);
  if (strict) {
    for (const s of Object.getOwnPropertySymbols(obj)) {
      if (Object.prototype.propertyIsEnumerable.call(obj, s)) keys.push(s);
    }
  }
  return keys;
}

function keyCheck(val1, val2, strict, memos, iterationType, aKeys) {
  if (aKeys === undefined) {
    aKeys = ownKeys(val1, strict, false);
    const bKeys = ownKeys(val2, strict, false);
    if (aKeys.length !== bKeys.length) return false;
  }
  for (const key of aKeys) {
    if (!Object.prototype.propertyIsEnumerable.call(val2, key)) return false;
  }
  if (aKeys.length === 0 && (iterationType === kNoIterator || (iterationType === kIsArray && val1.length === 0) ||
      val1.size === 0)) {
    return true;
  }
  if (memos === undefined) {
    memos = { val1: new Map(), val2: new Map(), position: 0 };
  } else {
    const val2MemoA = memos.val1.get(val1);
    if (val2MemoA !== undefined) {
      const val2MemoB = memos.val2.get(val2);
      if (val2MemoB !== undefined) return val2MemoA === val2MemoB;
    }
    memos.position++;
  }
  memos.val1.set(val1, memos.position);
  memos.val2.set(val2, memos.position);
  const areEq = objEquiv(val1, val2, strict, aKeys, memos, iterationType);
  memos.val1.delete(val1);
  memos.val2.delete(val2);
  return areEq;
}

function objEquiv(a, b, strict, keys, memos, iterationType) {
  if (iterationType === kIsSet) {
    if (!setEquiv(a, b, strict, memos)) return false;
  } else if (iterationType === kIsMap) {
    if (!mapEquiv(a, b, strict, memos)) return false;
  } else if (iterationType === kIsArray) {
    for (let i = 0; i < a.length; i++) {
      const hasA = Object.prototype.hasOwnProperty.call(a, i);
      const hasB = Object.prototype.hasOwnProperty.call(b, i);
      if (hasA !== hasB) return false;
      if (hasA && !innerDeepEqual(a[i], b[i], strict, memos)) return false;
    }
  }
  for (const key of keys) {
    if (!innerDeepEqual(a[key], b[key], strict, memos)) return false;
  }
  return true;
}

function setEquiv(a, b, strict, memo) {
  let set = null;
  for (const val of a) {
    if (isObjectLike(val)) {
      if (set === null) set = new Set();
      set.add(val);
    } else if (!b.has(val)) {
      if (strict) return false;
      if (!setMightHaveLoosePrim(a, b, val)) return false;
      if (set === null) set = new Set();
      set.add(val);
    }
  }
  if (set !== null) {
    for (const val of b) {
      if (isObjectLike(val)) {
        if (!setHasEqualElement(set, val, strict, memo)) return false;
      } else if (!strict && !a.has(val) && !setHasEqualElement(set, val, strict, memo)) {
        return false;
      }
    }
    return set.size === 0;
  }
  return true;
}

function setHasEqualElement(set, val1, strict, memo) {
  for (const val2 of set) {
    if (innerDeepEqual(val1, val2, strict, memo)) {
      set.delete(val2);
      return true;
    }
  }
  return false;
}

function findLooseMatchingPrimitives(prim) {
  switch (typeof prim) {
    case 'undefined':
      return null;
    case 'object':
      return undefined;
    case 'symbol':
      return false;
    case 'string':
      prim = +prim;
      // falls through
    case 'number':
      if (Number.isNaN(prim)) return false;
  }
  return true;
}

function setMightHaveLoosePrim(a, b, prim) {
  const altValue = findLooseMatchingPrimitives(prim);
  if (altValue != null) return altValue;
  return b.has(altValue) && !a.has(altValue);
}

function mapMightHaveLoosePrim(a, b, prim, item, memo) {
  const altValue = findLooseMatchingPrimitives(prim);
  if (altValue != null) return altValue;
  const curB = b.get(altValue);
  if ((curB === undefined && !b.has(altValue)) || !innerDeepEqual(item, curB, false, memo)) return false;
  return !a.has(altValue) && innerDeepEqual(item, curB, false, memo);
}

function mapEquiv(a, b, strict, memo) {
  let set = null;
  for (const [key, item1] of a) {
    if (isObjectLike(key)) {
      if (set === null) set = new Set();
      set.add(key);
    } else {
      const item2 = b.get(key);
      if ((item2 === undefined && !b.has(key)) || !innerDeepEqual(item1, item2, strict, memo)) {
        if (strict) return false;
        if (!mapMightHaveLoosePrim(a, b, key, item1, memo)) return false;
        if (set === null) set = new Set();
        set.add(key);
      }
    }
  }
  if (set !== null) {
    for (const [key, item] of b) {
      if (isObjectLike(key)) {
        if (!mapHasEqualEntry(set, a, key, item, strict, memo)) return false;
      } else if (!strict && (!a.has(key) || !innerDeepEqual(a.get(key), item, false, memo)) &&
                 !mapHasEqualEntry(set, a, key, item, false, memo)) {
        return false;
      }
    }
    return set.size === 0;
  }
  return true;
}

function mapHasEqualEntry(set, map, key1, item1, strict, memo) {
  for (const key2 of set) {
    if (innerDeepEqual(key1, key2, strict, memo) && innerDeepEqual(item1, map.get(key2), strict, memo)) {
      set.delete(key2);
      return true;
    }
  }
  return false;
}

module.exports = { isDeepEqual, isDeepStrictEqual };
