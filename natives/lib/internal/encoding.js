// TextEncoder and TextDecoder (the Encoding Standard, as Node 20 exposes
// them: globals and util's). UTF-8 encoding and every decoding go through
// internal:encoding (encoding_binding.cpp, ICU's converters); the label
// table below is the Standard's, for the encodings ICU has converters for.
'use strict';

const binding = require('internal:encoding');
const { isAnyArrayBuffer, isArrayBufferView } = require('internal/util/types');
const {
  codes: { ERR_ENCODING_INVALID_ENCODED_DATA, ERR_ENCODING_NOT_SUPPORTED, ERR_INVALID_ARG_TYPE, ERR_INVALID_THIS },
} = require('internal/errors');
const { validateObject, kValidateObjectAllowNullable } = require('internal/validators');

// [encoding name, labels...] (Encoding Standard §4.2 "Names and labels").
const encodingLabels = [
  ['utf-8', 'unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'utf8', 'x-unicode20utf8'],
  ['ibm866', '866', 'cp866', 'csibm866'],
  ['iso-8859-2', 'csisolatin2', 'iso-ir-101', 'iso8859-2', 'iso88592', 'iso_8859-2', 'iso_8859-2:1987', 'l2',
   'latin2'],
  ['iso-8859-3', 'csisolatin3', 'iso-ir-109', 'iso8859-3', 'iso88593', 'iso_8859-3', 'iso_8859-3:1988', 'l3',
   'latin3'],
  ['iso-8859-4', 'csisolatin4', 'iso-ir-110', 'iso8859-4', 'iso88594', 'iso_8859-4', 'iso_8859-4:1988', 'l4',
   'latin4'],
  ['iso-8859-5', 'csisolatincyrillic', 'cyrillic', 'iso-ir-144', 'iso8859-5', 'iso88595', 'iso_8859-5',
   'iso_8859-5:1988'],
  ['iso-8859-6', 'arabic', 'asmo-708', 'csiso88596e', 'csiso88596i', 'csisolatinarabic', 'ecma-114',
   'iso-8859-6-e', 'iso-8859-6-i', 'iso-ir-127', 'iso8859-6', 'iso88596', 'iso_8859-6', 'iso_8859-6:1987'],
  ['iso-8859-7', 'csisolatingreek', 'ecma-118', 'elot_928', 'greek', 'greek8', 'iso-ir-126', 'iso8859-7',
   'iso88597', 'iso_8859-7', 'iso_8859-7:1987', 'sun_eu_greek'],
  ['iso-8859-8', 'csiso88598e', 'csisolatinhebrew', 'hebrew', 'iso-8859-8-e', 'iso-ir-138', 'iso8859-8',
   'iso88598', 'iso_8859-8', 'iso_8859-8:1988', 'visual'],
  ['iso-8859-8-i', 'csiso88598i', 'logical'],
  ['iso-8859-10', 'csisolatin6', 'iso-ir-157', 'iso8859-10', 'iso885910', 'l6', 'latin6'],
  ['iso-8859-13', 'iso8859-13', 'iso885913'],
  ['iso-8859-14', 'iso8859-14', 'iso885914'],
  ['iso-8859-15', 'csisolatin9', 'iso8859-15', 'iso885915', 'iso_8859-15', 'l9'],
  ['iso-8859-16'],
  ['koi8-r', 'cskoi8r', 'koi', 'koi8', 'koi8_r'],
  ['koi8-u', 'koi8-ru'],
  ['macintosh', 'csmacintosh', 'mac', 'x-mac-roman'],
  ['windows-874', 'dos-874', 'iso-8859-11', 'iso8859-11', 'iso885911', 'tis-620'],
  ['windows-1250', 'cp1250', 'x-cp1250'],
  ['windows-1251', 'cp1251', 'x-cp1251'],
  ['windows-1252', 'ansi_x3.4-1968', 'ascii', 'cp1252', 'cp819', 'csisolatin1', 'ibm819', 'iso-8859-1',
   'iso-ir-100', 'iso8859-1', 'iso88591', 'iso_8859-1', 'iso_8859-1:1987', 'l1', 'latin1', 'us-ascii',
   'x-cp1252'],
  ['windows-1253', 'cp1253', 'x-cp1253'],
  ['windows-1254', 'cp1254', 'csisolatin5', 'iso-8859-9', 'iso-ir-148', 'iso8859-9', 'iso88599', 'iso_8859-9',
   'iso_8859-9:1989', 'l5', 'latin5', 'x-cp1254'],
  ['windows-1255', 'cp1255', 'x-cp1255'],
  ['windows-1256', 'cp1256', 'x-cp1256'],
  ['windows-1257', 'cp1257', 'x-cp1257'],
  ['windows-1258', 'cp1258', 'x-cp1258'],
  ['x-mac-cyrillic', 'x-mac-ukrainian'],
  ['gbk', 'chinese', 'csgb2312', 'csiso58gb231280', 'gb2312', 'gb_2312', 'gb_2312-80', 'iso-ir-58', 'x-gbk'],
  ['gb18030'],
  ['big5', 'big5-hkscs', 'cn-big5', 'csbig5', 'x-x-big5'],
  ['euc-jp', 'cseucpkdfmtjapanese', 'x-euc-jp'],
  ['iso-2022-jp', 'csiso2022jp'],
  ['shift_jis', 'csshiftjis', 'ms932', 'ms_kanji', 'shift-jis', 'sjis', 'windows-31j', 'x-sjis'],
  ['euc-kr', 'cseuckr', 'csksc56011987', 'iso-ir-149', 'korean', 'ks_c_5601-1987', 'ks_c_5601-1989', 'ksc5601',
   'ksc_5601', 'windows-949'],
  ['utf-16be', 'unicodefffe'],
  ['utf-16le', 'csunicode', 'iso-10646-ucs-2', 'ucs-2', 'unicode', 'unicodefeff', 'utf-16'],
];
const encodingOfLabel = new Map();
for (const [name, ...labels] of encodingLabels) {
  encodingOfLabel.set(name, name);
  for (const label of labels) encodingOfLabel.set(label, name);
}
// ICU's converter names where they differ from the Standard's.
const icuNames = { 'iso-8859-8-i': 'ISO-8859-8', 'x-mac-cyrillic': 'x-mac-cyrillic', 'windows-874': 'windows-874-2000' };

// §4.2 get an encoding: the label trimmed of ASCII whitespace, lowercased.
function getEncoding(label) {
  const name = encodingOfLabel.get(`${label}`.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '').toLowerCase());
  if (name === undefined || !binding.hasConverter(icuNames[name] || name)) return undefined;
  return name;
}

// Node's decoder words this one without the usual "Received ..." part.
function invalidInput(input) {
  const err = new ERR_INVALID_ARG_TYPE('list', ['SharedArrayBuffer', 'ArrayBuffer', 'ArrayBufferView'], input);
  err.message = 'The "list" argument must be an instance of SharedArrayBuffer, ArrayBuffer or ArrayBufferView.';
  return err;
}

const kEncoding = Symbol('encoding');
const kFlags = Symbol('flags');
const kPending = Symbol('pending');
const kBOMSeen = Symbol('BOMseen');

function inspectWith(obj, depth, options, inspect, fields) {
  if (depth < 0) return obj;
  const shown = {};
  for (const field of fields) shown[field] = obj[field];
  return `${obj.constructor.name} ${inspect(shown, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
}

class TextEncoder {
  get encoding() {
    if (!(this instanceof TextEncoder)) throw new ERR_INVALID_THIS('TextEncoder');
    return 'utf-8';
  }

  // encode(input = ''): the UTF-8 bytes (a lone surrogate becomes U+FFFD).
  encode(input = '') {
    if (!(this instanceof TextEncoder)) throw new ERR_INVALID_THIS('TextEncoder');
    return new Uint8Array(binding.encodeUtf8(`${input}`));
  }

  // encodeInto(src, dest): as many whole characters as fit; { read, written }.
  encodeInto(src, dest) {
    if (!(this instanceof TextEncoder)) throw new ERR_INVALID_THIS('TextEncoder');
    if (!(dest instanceof Uint8Array)) throw new ERR_INVALID_ARG_TYPE('dest', 'Uint8Array', dest);
    const [read, written] = binding.encodeInto(`${src}`, dest);
    return { read, written };
  }

  // Node shows a TextEncoder as a plain object.
  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    return depth < 0 ? this : inspect({ encoding: 'utf-8' }, options);
  }
}
Object.defineProperty(TextEncoder.prototype, Symbol.toStringTag, { value: 'TextEncoder', configurable: true });

function checkDecoder(self) {
  if (typeof self !== 'object' || self === null || self[kFlags] === undefined) throw new ERR_INVALID_THIS('TextDecoder');
  return self;
}

class TextDecoder {
  constructor(encoding = 'utf-8', options = {}) {
    const name = getEncoding(encoding);
    if (name === undefined) throw new ERR_ENCODING_NOT_SUPPORTED(`${encoding}`);
    validateObject(options, 'options', kValidateObjectAllowNullable);
    this[kEncoding] = name;
    this[kFlags] = { fatal: Boolean(options && options.fatal), ignoreBOM: Boolean(options && options.ignoreBOM) };
    this[kPending] = null;  // bytes an unfinished character left from a streaming decode
    this[kBOMSeen] = false;
  }

  // decode(input, { stream }): the text of input (and of bytes held back by
  // the previous streaming call); a stream's BOM is dropped unless ignoreBOM.
  decode(input = new Uint8Array(0), options = {}) {
    checkDecoder(this);
    let bytes;
    if (isAnyArrayBuffer(input)) bytes = new Uint8Array(input);
    else if (isArrayBufferView(input)) bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    else throw invalidInput(input);
    const stream = Boolean(options && options.stream);
    if (this[kPending] !== null) {
      const joined = new Uint8Array(this[kPending].length + bytes.length);
      joined.set(this[kPending]);
      joined.set(bytes, this[kPending].length);
      bytes = joined;
      this[kPending] = null;
    }
    const name = this[kEncoding];
    const result = binding.decode(bytes, icuNames[name] || name, this[kFlags].fatal, !stream);
    if (result === null) {
      this[kBOMSeen] = false;
      throw new ERR_ENCODING_INVALID_ENCODED_DATA(name);
    }
    let [text, pending] = result;
    if (pending > 0) this[kPending] = bytes.slice(bytes.length - pending);
    if (!this[kBOMSeen] && text.length > 0) {
      if (!this[kFlags].ignoreBOM && text.charCodeAt(0) === 0xFEFF && /^utf-/.test(name)) text = text.slice(1);
      this[kBOMSeen] = true;
    }
    if (!stream) this[kBOMSeen] = false;
    return text;
  }

  get encoding() { return checkDecoder(this)[kEncoding]; }
  get fatal() { return checkDecoder(this)[kFlags].fatal; }
  get ignoreBOM() { return checkDecoder(this)[kFlags].ignoreBOM; }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (this[kFlags] === undefined) return this;
    return inspectWith(this, depth, options, inspect, ['encoding', 'fatal', 'ignoreBOM']);
  }
}
Object.defineProperty(TextDecoder.prototype, Symbol.toStringTag, { value: 'TextDecoder', configurable: true });
for (const name of ['encoding', 'fatal', 'ignoreBOM']) {
  Object.defineProperty(TextDecoder.prototype, name, { enumerable: true });
}
Object.defineProperty(TextEncoder.prototype, 'encoding', { enumerable: true });
for (const name of ['encode', 'encodeInto']) Object.defineProperty(TextEncoder.prototype, name, { enumerable: true });
Object.defineProperty(TextDecoder.prototype, 'decode', { enumerable: true });

module.exports = { TextEncoder, TextDecoder, getEncoding };
