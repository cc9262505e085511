// URL and URLSearchParams (the WHATWG URL Standard, https://url.spec.whatwg.org),
// and Node's file-URL helpers. The basic URL parser (§4.4) is written as the
// standard's state machine, one case per state, with its state override
// for the setters; hosts are parsed per §3.5 (IPv4 and IPv6 by hand, domain
// names through UTS #46 in ICU: internal:url). Strings are handled as the
// standard's code points (a lone surrogate is U+FFFD, §4.3 "USVString").
'use strict';

const binding = require('internal:url');

function codes() {
  return require('internal/errors').codes;
}

// ---- code points and percent-encoding (§1.3) -------------------------------------

const kSpecialPorts = { __proto__: null, 'ftp:': 21, 'file:': null, 'http:': 80, 'https:': 443, 'ws:': 80, 'wss:': 443 };

function isSpecialScheme(scheme) {
  return scheme in kSpecialPorts;
}

function isASCIIDigit(c) {
  return c >= 0x30 && c <= 0x39;
}
function isASCIIHexDigit(c) {
  return isASCIIDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}
function isASCIIAlpha(c) {
  return (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A);
}
function isASCIIAlphanumeric(c) {
  return isASCIIAlpha(c) || isASCIIDigit(c);
}

// The percent-encode sets (§1.3), as predicates on a code point.
const C0_CONTROL = (c) => c < 0x20 || c > 0x7E;
const FRAGMENT = (c) => C0_CONTROL(c) || c === 0x20 || c === 0x22 || c === 0x3C || c === 0x3E || c === 0x60;
const QUERY = (c) => C0_CONTROL(c) || c === 0x20 || c === 0x22 || c === 0x23 || c === 0x3C || c === 0x3E;
const SPECIAL_QUERY = (c) => QUERY(c) || c === 0x27;
const PATH = (c) => QUERY(c) || c === 0x3F || c === 0x60 || c === 0x7B || c === 0x7D;
const USERINFO = (c) => PATH(c) || c === 0x2F || c === 0x3A || c === 0x3B || c === 0x3D || c === 0x40 ||
  (c >= 0x5B && c <= 0x5E) || c === 0x7C;
const COMPONENT = (c) => USERINFO(c) || (c >= 0x24 && c <= 0x26) || c === 0x2B || c === 0x2C;
const FORM_URLENCODED = (c) => COMPONENT(c) || c === 0x21 || (c >= 0x27 && c <= 0x29) || c === 0x7E;

const hexDigits = '0123456789ABCDEF';

// UTF-8 bytes of one code point.
function utf8Bytes(cp) {
  if (cp < 0x80) return [cp];
  if (cp < 0x800) return [0xC0 | (cp >> 6), 0x80 | (cp & 0x3F)];
  if (cp < 0x10000) return [0xE0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3F), 0x80 | (cp & 0x3F)];
  return [0xF0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3F), 0x80 | ((cp >> 6) & 0x3F), 0x80 | (cp & 0x3F)];
}

// §1.3 UTF-8 percent-encode a code point using a percent-encode set.
function percentEncodeCodePoint(cp, set, spaceAsPlus = false) {
  if (spaceAsPlus && cp === 0x20) return '+';
  if (!set(cp)) return String.fromCodePoint(cp);
  let out = '';
  for (const b of utf8Bytes(cp)) out += '%' + hexDigits[b >> 4] + hexDigits[b & 15];
  return out;
}

function percentEncodeString(input, set, spaceAsPlus = false) {
  let out = '';
  for (const cp of codePoints(input)) out += percentEncodeCodePoint(cp, set, spaceAsPlus);
  return out;
}

// The string's code points, a lone surrogate read as U+FFFD.
function codePoints(input) {
  const out = [];
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < input.length) {
      const d = input.charCodeAt(i + 1);
      if (d >= 0xDC00 && d <= 0xDFFF) {
        out.push(((c - 0xD800) << 10) + (d - 0xDC00) + 0x10000);
        i++;
        continue;
      }
    }
    out.push(c >= 0xD800 && c <= 0xDFFF ? 0xFFFD : c);
  }
  return out;
}

function toUSVString(input) {
  return String.fromCodePoint(...codePoints(input));
}

// §1.3 percent-decode: bytes (as an array of numbers).
function percentDecodeBytes(input) {
  const bytes = [];
  for (const cp of codePoints(input)) bytes.push(...utf8Bytes(cp));
  const out = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x25 && i + 2 < bytes.length && isASCIIHexDigit(bytes[i + 1]) && isASCIIHexDigit(bytes[i + 2])) {
      out.push(parseInt(String.fromCharCode(bytes[i + 1], bytes[i + 2]), 16));
      i += 2;
    } else {
      out.push(b);
    }
  }
  return out;
}

// UTF-8 decode without BOM, bad sequences as U+FFFD (Encoding §4.1).
function utf8Decode(bytes) {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let need = 0;
    let cp = 0;
    let lower = 0x80;
    let upper = 0xBF;
    if (b < 0x80) {
      out += String.fromCharCode(b);
      i++;
      continue;
    } else if (b >= 0xC2 && b <= 0xDF) {
      need = 1;
      cp = b & 0x1F;
    } else if (b >= 0xE0 && b <= 0xEF) {
      if (b === 0xE0) lower = 0xA0;
      if (b === 0xED) upper = 0x9F;
      need = 2;
      cp = b & 0xF;
    } else if (b >= 0xF0 && b <= 0xF4) {
      if (b === 0xF0) lower = 0x90;
      if (b === 0xF4) upper = 0x8F;
      need = 3;
      cp = b & 0x7;
    } else {
      out += '\uFFFD';
      i++;
      continue;
    }
    let j = 1;
    for (; j <= need; j++) {
      const n = bytes[i + j];
      if (n === undefined || n < lower || n > upper) break;
      lower = 0x80;
      upper = 0xBF;
      cp = (cp << 6) | (n & 0x3F);
    }
    if (j <= need) {
      out += '\uFFFD';
      i += j;
      continue;
    }
    out += String.fromCodePoint(cp);
    i += need + 1;
  }
  return out;
}

// ---- hosts (§3) ----------------------------------------------------------------------

const kFailure = Symbol('failure');

function isForbiddenHostCodePoint(c) {
  return c === 0x00 || c === 0x09 || c === 0x0A || c === 0x0D || c === 0x20 || c === 0x23 || c === 0x2F ||
    c === 0x3A || c === 0x3C || c === 0x3E || c === 0x3F || c === 0x40 || c === 0x5B || c === 0x5C ||
    c === 0x5D || c === 0x5E || c === 0x7C;
}
function isForbiddenDomainCodePoint(c) {
  return isForbiddenHostCodePoint(c) || (c <= 0x1F) || c === 0x25 || c === 0x7F;
}

// §3.5 host parser: a domain (string), an IPv4 address (number), an IPv6
// address (array of 8 pieces), an opaque host (string), or kFailure.
function parseHost(input, isOpaque) {
  if (input.startsWith('[')) {
    if (!input.endsWith(']')) return kFailure;
    return parseIPv6(input.slice(1, -1));
  }
  if (isOpaque) return parseOpaqueHost(input);
  const domain = utf8Decode(percentDecodeBytes(input));
  const asciiDomain = domainToASCIIInternal(domain, false);
  if (asciiDomain === kFailure) return kFailure;
  for (let i = 0; i < asciiDomain.length; i++) {
    if (isForbiddenDomainCodePoint(asciiDomain.charCodeAt(i))) return kFailure;
  }
  if (endsInANumber(asciiDomain)) return parseIPv4(asciiDomain);
  return asciiDomain;
}

// §3.3 domain to ASCII: UTS #46 (ICU), with a fast path for plain ASCII
// names that need nothing but lowercasing.
function domainToASCIIInternal(domain, beStrict) {
  if (/^[\x21-\x7E]*$/.test(domain) && !/(^|\.)xn--/i.test(domain)) {
    const lower = domain.toLowerCase();
    if (lower === '' ) return kFailure;
    return lower;
  }
  const result = binding.domainToASCII(domain, beStrict);
  if (result === null || result === '') return kFailure;
  return result;
}

// §3.5 ends in a number: the last label (a trailing empty one aside) is
// digits, or 0x followed by hex digits.
function endsInANumber(input) {
  const parts = input.split('.');
  if (parts[parts.length - 1] === '') {
    if (parts.length === 1) return false;
    parts.pop();
  }
  const last = parts[parts.length - 1];
  if (last !== '' && /^[0-9]+$/.test(last)) return true;
  return parseIPv4Number(last) !== kFailure;
}

// §3.5 IPv4 number parser: decimal, 0x hex, 0 octal; [value, validationError].
function parseIPv4Number(input) {
  if (input === '') return kFailure;
  let r = 10;
  if (input.length >= 2 && input[0] === '0' && (input[1] === 'x' || input[1] === 'X')) {
    input = input.slice(2);
    r = 16;
  } else if (input.length >= 2 && input[0] === '0') {
    input = input.slice(1);
    r = 8;
  }
  if (input === '') return 0;
  const valid = r === 10 ? /^[0-9]+$/ : r === 16 ? /^[0-9a-fA-F]+$/ : /^[0-7]+$/;
  if (!valid.test(input)) return kFailure;
  // Exact for any length: the value only has to be compared with 2^32 and below.
  let n = 0;
  for (const ch of input) {
    n = n * r + parseInt(ch, r);
    if (n > 2 ** 40) return 2 ** 40;  // large enough to fail, without losing precision
  }
  return n;
}

// §3.5 IPv4 parser.
function parseIPv4(input) {
  const parts = input.split('.');
  if (parts[parts.length - 1] === '' && parts.length > 1) parts.pop();
  if (parts.length > 4) return kFailure;
  const numbers = [];
  for (const part of parts) {
    const n = parseIPv4Number(part);
    if (n === kFailure) return kFailure;
    numbers.push(n);
  }
  for (let i = 0; i < numbers.length - 1; i++) if (numbers[i] > 255) return kFailure;
  if (numbers[numbers.length - 1] >= 256 ** (5 - numbers.length)) return kFailure;
  let ipv4 = numbers[numbers.length - 1];
  for (let i = 0; i < numbers.length - 1; i++) ipv4 += numbers[i] * 256 ** (3 - i);
  return ipv4;
}

// §3.5 IPv6 parser.
function parseIPv6(input) {
  const address = [0, 0, 0, 0, 0, 0, 0, 0];
  let pieceIndex = 0;
  let compress = null;
  let pointer = 0;
  const c = (p) => (p < input.length ? input.charCodeAt(p) : undefined);
  if (c(pointer) === 0x3A) {
    if (c(pointer + 1) !== 0x3A) return kFailure;
    pointer += 2;
    pieceIndex++;
    compress = pieceIndex;
  }
  while (c(pointer) !== undefined) {
    if (pieceIndex === 8) return kFailure;
    if (c(pointer) === 0x3A) {
      if (compress !== null) return kFailure;
      pointer++;
      pieceIndex++;
      compress = pieceIndex;
      continue;
    }
    let value = 0;
    let length = 0;
    while (length < 4 && c(pointer) !== undefined && isASCIIHexDigit(c(pointer))) {
      value = value * 0x10 + parseInt(input[pointer], 16);
      pointer++;
      length++;
    }
    if (c(pointer) === 0x2E) {
      if (length === 0) return kFailure;
      pointer -= length;
      if (pieceIndex > 6) return kFailure;
      let numbersSeen = 0;
      while (c(pointer) !== undefined) {
        let ipv4Piece = null;
        if (numbersSeen > 0) {
          if (c(pointer) === 0x2E && numbersSeen < 4) pointer++;
          else return kFailure;
        }
        if (c(pointer) === undefined || !isASCIIDigit(c(pointer))) return kFailure;
        while (c(pointer) !== undefined && isASCIIDigit(c(pointer))) {
          const number = c(pointer) - 0x30;
          if (ipv4Piece === null) ipv4Piece = number;
          else if (ipv4Piece === 0) return kFailure;
          else ipv4Piece = ipv4Piece * 10 + number;
          if (ipv4Piece > 255) return kFailure;
          pointer++;
        }
        address[pieceIndex] = address[pieceIndex] * 0x100 + ipv4Piece;
        numbersSeen++;
        if (numbersSeen === 2 || numbersSeen === 4) pieceIndex++;
      }
      if (numbersSeen !== 4) return kFailure;
      break;
    } else if (c(pointer) === 0x3A) {
      pointer++;
      if (c(pointer) === undefined) return kFailure;
    } else if (c(pointer) !== undefined) {
      return kFailure;
    }
    address[pieceIndex] = value;
    pieceIndex++;
  }
  if (compress !== null) {
    let swaps = pieceIndex - compress;
    pieceIndex = 7;
    while (pieceIndex !== 0 && swaps > 0) {
      const tmp = address[compress + swaps - 1];
      address[compress + swaps - 1] = address[pieceIndex];
      address[pieceIndex] = tmp;
      pieceIndex--;
      swaps--;
    }
  } else if (pieceIndex !== 8) {
    return kFailure;
  }
  return address;
}

// §3.5 opaque-host parser.
function parseOpaqueHost(input) {
  for (let i = 0; i < input.length; i++) {
    if (isForbiddenHostCodePoint(input.charCodeAt(i))) return kFailure;
  }
  return percentEncodeString(input, C0_CONTROL);
}

// §3.6 host serializer.
function serializeHost(host) {
  if (typeof host === 'number') {
    const out = [];
    let n = host;
    for (let i = 0; i < 4; i++) {
      out.unshift(String(n % 256));
      n = Math.floor(n / 256);
    }
    return out.join('.');
  }
  if (Array.isArray(host)) return `[${serializeIPv6(host)}]`;
  return host;
}

function serializeIPv6(address) {
  // The first longest run of two or more zero pieces is compressed.
  let compress = null;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    if (address[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && address[j] === 0) j++;
    if (j - i > bestLength) {
      bestLength = j - i;
      compress = i;
    }
    i = j;
  }
  let out = '';
  let ignore0 = false;
  for (let i = 0; i < 8; i++) {
    if (ignore0 && address[i] === 0) continue;
    ignore0 = false;
    if (compress === i) {
      out += i === 0 ? '::' : ':';
      ignore0 = true;
      continue;
    }
    out += address[i].toString(16);
    if (i !== 7) out += ':';
  }
  return out;
}

// ---- the URL record and the basic URL parser (§4.4) ----------------------------------

class URLRecord {
  constructor() {
    this.scheme = '';
    this.username = '';
    this.password = '';
    this.host = null;
    this.port = null;
    this.path = [];      // a list of segments, or a string (an opaque path)
    this.query = null;
    this.fragment = null;
  }
  hasOpaquePath() {
    return typeof this.path === 'string';
  }
  includesCredentials() {
    return this.username !== '' || this.password !== '';
  }
  cannotHaveUsernamePasswordPort() {
    return this.host === null || this.host === '' || this.scheme === 'file';
  }
}

function isWindowsDriveLetter(s, normalizedOnly = false) {
  return s.length === 2 && isASCIIAlpha(s.charCodeAt(0)) && (s[1] === ':' || (!normalizedOnly && s[1] === '|'));
}

function startsWithWindowsDriveLetter(cps, pointer) {
  if (cps.length - pointer < 2) return false;
  if (!isASCIIAlpha(cps[pointer]) || (cps[pointer + 1] !== 0x3A && cps[pointer + 1] !== 0x7C)) return false;
  if (cps.length - pointer === 2) return true;
  const third = cps[pointer + 2];
  return third === 0x2F || third === 0x5C || third === 0x3F || third === 0x23;
}

function shortenPath(url) {
  const path = url.path;
  if (url.scheme === 'file' && path.length === 1 && isWindowsDriveLetter(path[0], true)) return;
  path.pop();
}

function isSingleDot(segment) {
  return segment === '.' || segment.toLowerCase() === '%2e';
}
function isDoubleDot(segment) {
  const s = segment.toLowerCase();
  return s === '..' || s === '.%2e' || s === '%2e.' || s === '%2e%2e';
}

const S = {
  SCHEME_START: 1, SCHEME: 2, NO_SCHEME: 3, SPECIAL_RELATIVE_OR_AUTHORITY: 4, PATH_OR_AUTHORITY: 5, RELATIVE: 6,
  RELATIVE_SLASH: 7, SPECIAL_AUTHORITY_SLASHES: 8, SPECIAL_AUTHORITY_IGNORE_SLASHES: 9, AUTHORITY: 10, HOST: 11,
  HOSTNAME: 12, PORT: 13, FILE: 14, FILE_SLASH: 15, FILE_HOST: 16, PATH_START: 17, PATH: 18, OPAQUE_PATH: 19,
  QUERY: 20, FRAGMENT: 21,
};

// §4.4 basic URL parser. Returns the URL record, kFailure, or (with a state
// override) nothing useful: the setters look at `url` itself.
function basicParse(input, base, url, stateOverride) {
  if (!url) {
    url = new URLRecord();
    input = input.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  }
  input = input.replace(/[\t\n\r]/g, '');
  let state = stateOverride || S.SCHEME_START;
  let buffer = '';
  let atSignSeen = false;
  let insideBrackets = false;
  let passwordTokenSeen = false;
  const cps = codePoints(input);
  let pointer = 0;
  for (; ; pointer++) {
    const c = cps[pointer];  // undefined: the EOF code point
    const ch = c === undefined ? '' : String.fromCodePoint(c);
    switch (state) {
      case S.SCHEME_START:
        if (c !== undefined && isASCIIAlpha(c)) {
          buffer += ch.toLowerCase();
          state = S.SCHEME;
        } else if (!stateOverride) {
          state = S.NO_SCHEME;
          pointer--;
        } else {
          return kFailure;
        }
        break;
      case S.SCHEME:
        if (c !== undefined && (isASCIIAlphanumeric(c) || c === 0x2B || c === 0x2D || c === 0x2E)) {
          buffer += ch.toLowerCase();
        } else if (c === 0x3A) {
          if (stateOverride) {
            if (isSpecialScheme(url.scheme + ':') !== isSpecialScheme(buffer + ':')) return url;
            if ((url.includesCredentials() || url.port !== null) && buffer === 'file') return url;
            if (url.scheme === 'file' && url.host === '') return url;
          }
          url.scheme = buffer;
          if (stateOverride) {
            if (url.port === kSpecialPorts[url.scheme + ':']) url.port = null;
            return url;
          }
          buffer = '';
          if (url.scheme === 'file') {
            state = S.FILE;
          } else if (isSpecialScheme(url.scheme + ':') && base && base.scheme === url.scheme) {
            state = S.SPECIAL_RELATIVE_OR_AUTHORITY;
          } else if (isSpecialScheme(url.scheme + ':')) {
            state = S.SPECIAL_AUTHORITY_SLASHES;
          } else if (cps[pointer + 1] === 0x2F) {
            state = S.PATH_OR_AUTHORITY;
            pointer++;
          } else {
            url.path = '';
            state = S.OPAQUE_PATH;
          }
        } else if (!stateOverride) {
          buffer = '';
          state = S.NO_SCHEME;
          pointer = -1;
        } else {
          return kFailure;
        }
        break;
      case S.NO_SCHEME:
        if (!base || (base.hasOpaquePath() && c !== 0x23)) return kFailure;
        if (base.hasOpaquePath() && c === 0x23) {
          url.scheme = base.scheme;
          url.path = base.path;
          url.query = base.query;
          url.fragment = '';
          state = S.FRAGMENT;
        } else if (base.scheme !== 'file') {
          state = S.RELATIVE;
          pointer--;
        } else {
          state = S.FILE;
          pointer--;
        }
        break;
      case S.SPECIAL_RELATIVE_OR_AUTHORITY:
        if (c === 0x2F && cps[pointer + 1] === 0x2F) {
          state = S.SPECIAL_AUTHORITY_IGNORE_SLASHES;
          pointer++;
        } else {
          state = S.RELATIVE;
          pointer--;
        }
        break;
      case S.PATH_OR_AUTHORITY:
        if (c === 0x2F) {
          state = S.AUTHORITY;
        } else {
          state = S.PATH;
          pointer--;
        }
        break;
      case S.RELATIVE:
        url.scheme = base.scheme;
        if (c === 0x2F) {
          state = S.RELATIVE_SLASH;
        } else if (isSpecialScheme(url.scheme + ':') && c === 0x5C) {
          state = S.RELATIVE_SLASH;
        } else {
          url.username = base.username;
          url.password = base.password;
          url.host = base.host;
          url.port = base.port;
          url.path = base.path.slice();
          url.query = base.query;
          if (c === 0x3F) {
            url.query = '';
            state = S.QUERY;
          } else if (c === 0x23) {
            url.fragment = '';
            state = S.FRAGMENT;
          } else if (c !== undefined) {
            url.query = null;
            shortenPath(url);
            state = S.PATH;
            pointer--;
          }
        }
        break;
      case S.RELATIVE_SLASH:
        if (isSpecialScheme(url.scheme + ':') && (c === 0x2F || c === 0x5C)) {
          state = S.SPECIAL_AUTHORITY_IGNORE_SLASHES;
        } else if (c === 0x2F) {
          state = S.AUTHORITY;
        } else {
          url.username = base.username;
          url.password = base.password;
          url.host = base.host;
          url.port = base.port;
          state = S.PATH;
          pointer--;
        }
        break;
      case S.SPECIAL_AUTHORITY_SLASHES:
        if (c === 0x2F && cps[pointer + 1] === 0x2F) {
          state = S.SPECIAL_AUTHORITY_IGNORE_SLASHES;
          pointer++;
        } else {
          state = S.SPECIAL_AUTHORITY_IGNORE_SLASHES;
          pointer--;
        }
        break;
      case S.SPECIAL_AUTHORITY_IGNORE_SLASHES:
        if (c !== 0x2F && c !== 0x5C) {
          state = S.AUTHORITY;
          pointer--;
        }
        break;
      case S.AUTHORITY:
        if (c === 0x40) {
          if (atSignSeen) buffer = '%40' + buffer;
          atSignSeen = true;
          for (const bcp of codePoints(buffer)) {
            if (bcp === 0x3A && !passwordTokenSeen) {
              passwordTokenSeen = true;
              continue;
            }
            const encoded = percentEncodeCodePoint(bcp, USERINFO);
            if (passwordTokenSeen) url.password += encoded;
            else url.username += encoded;
          }
          buffer = '';
        } else if (c === undefined || c === 0x2F || c === 0x3F || c === 0x23 ||
                   (isSpecialScheme(url.scheme + ':') && c === 0x5C)) {
          if (atSignSeen && buffer === '') return kFailure;
          pointer -= codePoints(buffer).length + 1;
          buffer = '';
          state = S.HOST;
        } else {
          buffer += ch;
        }
        break;
      case S.HOST:
      case S.HOSTNAME:
        if (stateOverride && url.scheme === 'file') {
          pointer--;
          state = S.FILE_HOST;
        } else if (c === 0x3A && !insideBrackets) {
          if (buffer === '') return kFailure;
          if (stateOverride === S.HOSTNAME) return kFailure;
          const host = parseHost(buffer, !isSpecialScheme(url.scheme + ':'));
          if (host === kFailure) return kFailure;
          url.host = host;
          buffer = '';
          state = S.PORT;
        } else if (c === undefined || c === 0x2F || c === 0x3F || c === 0x23 ||
                   (isSpecialScheme(url.scheme + ':') && c === 0x5C)) {
          pointer--;
          if (isSpecialScheme(url.scheme + ':') && buffer === '') return kFailure;
          if (stateOverride && buffer === '' && (url.includesCredentials() || url.port !== null)) return kFailure;
          const host = parseHost(buffer, !isSpecialScheme(url.scheme + ':'));
          if (host === kFailure) return kFailure;
          url.host = host;
          buffer = '';
          state = S.PATH_START;
          if (stateOverride) return url;
        } else {
          if (c === 0x5B) insideBrackets = true;
          if (c === 0x5D) insideBrackets = false;
          buffer += ch;
        }
        break;
      case S.PORT:
        if (c !== undefined && isASCIIDigit(c)) {
          buffer += ch;
        } else if (c === undefined || c === 0x2F || c === 0x3F || c === 0x23 ||
                   (isSpecialScheme(url.scheme + ':') && c === 0x5C) || stateOverride) {
          if (buffer !== '') {
            const port = parseInt(buffer, 10);
            if (port > 65535) return kFailure;
            url.port = port === kSpecialPorts[url.scheme + ':'] ? null : port;
            buffer = '';
            if (stateOverride) return url;
          }
          if (stateOverride) return kFailure;
          state = S.PATH_START;
          pointer--;
        } else {
          return kFailure;
        }
        break;
      case S.FILE:
        url.scheme = 'file';
        url.host = '';
        if (c === 0x2F || c === 0x5C) {
          state = S.FILE_SLASH;
        } else if (base && base.scheme === 'file') {
          url.host = base.host;
          url.path = base.path.slice();
          url.query = base.query;
          if (c === 0x3F) {
            url.query = '';
            state = S.QUERY;
          } else if (c === 0x23) {
            url.fragment = '';
            state = S.FRAGMENT;
          } else if (c !== undefined) {
            url.query = null;
            if (!startsWithWindowsDriveLetter(cps, pointer)) shortenPath(url);
            else url.path = [];
            state = S.PATH;
            pointer--;
          }
        } else {
          state = S.PATH;
          pointer--;
        }
        break;
      case S.FILE_SLASH:
        if (c === 0x2F || c === 0x5C) {
          state = S.FILE_HOST;
        } else {
          if (base && base.scheme === 'file') {
            url.host = base.host;
            if (!startsWithWindowsDriveLetter(cps, pointer) && base.path.length > 0 &&
                isWindowsDriveLetter(base.path[0], true)) {
              url.path.push(base.path[0]);
            }
          }
          state = S.PATH;
          pointer--;
        }
        break;
      case S.FILE_HOST:
        if (c === undefined || c === 0x2F || c === 0x5C || c === 0x3F || c === 0x23) {
          pointer--;
          if (!stateOverride && isWindowsDriveLetter(buffer)) {
            state = S.PATH;
          } else if (buffer === '') {
            url.host = '';
            if (stateOverride) return url;
            state = S.PATH_START;
          } else {
            let host = parseHost(buffer, !isSpecialScheme(url.scheme + ':'));
            if (host === kFailure) return kFailure;
            if (host === 'localhost') host = '';
            url.host = host;
            if (stateOverride) return url;
            buffer = '';
            state = S.PATH_START;
          }
        } else {
          buffer += ch;
        }
        break;
      case S.PATH_START:
        if (isSpecialScheme(url.scheme + ':')) {
          state = S.PATH;
          if (c !== 0x2F && c !== 0x5C) pointer--;
        } else if (!stateOverride && c === 0x3F) {
          url.query = '';
          state = S.QUERY;
        } else if (!stateOverride && c === 0x23) {
          url.fragment = '';
          state = S.FRAGMENT;
        } else if (c !== undefined) {
          state = S.PATH;
          if (c !== 0x2F) pointer--;
        } else if (stateOverride && url.host === null) {
          url.path.push('');
        }
        break;
      case S.PATH:
        if (c === undefined || c === 0x2F || (isSpecialScheme(url.scheme + ':') && c === 0x5C) ||
            (!stateOverride && (c === 0x3F || c === 0x23))) {
          const slash = c === 0x2F || (isSpecialScheme(url.scheme + ':') && c === 0x5C);
          if (isDoubleDot(buffer)) {
            shortenPath(url);
            if (!slash) url.path.push('');
          } else if (isSingleDot(buffer) && !slash) {
            url.path.push('');
          } else if (!isSingleDot(buffer)) {
            if (url.scheme === 'file' && url.path.length === 0 && isWindowsDriveLetter(buffer)) {
              buffer = buffer[0] + ':';
            }
            url.path.push(buffer);
          }
          buffer = '';
          if (c === 0x3F) {
            url.query = '';
            state = S.QUERY;
          }
          if (c === 0x23) {
            url.fragment = '';
            state = S.FRAGMENT;
          }
        } else {
          buffer += percentEncodeCodePoint(c, PATH);
        }
        break;
      case S.OPAQUE_PATH:
        if (c === 0x3F) {
          url.query = '';
          state = S.QUERY;
        } else if (c === 0x23) {
          url.fragment = '';
          state = S.FRAGMENT;
        } else if (c !== undefined) {
          url.path += percentEncodeCodePoint(c, C0_CONTROL);
        }
        break;
      case S.QUERY:
        if ((!stateOverride && c === 0x23) || c === undefined) {
          const set = isSpecialScheme(url.scheme + ':') ? SPECIAL_QUERY : QUERY;
          url.query += percentEncodeString(buffer, set);
          buffer = '';
          if (c === 0x23) {
            url.fragment = '';
            state = S.FRAGMENT;
          }
        } else if (c !== undefined) {
          buffer += ch;
        }
        break;
      case S.FRAGMENT:
        if (c !== undefined) url.fragment += percentEncodeCodePoint(c, FRAGMENT);
        break;
    }
    // At the end of the input, unless a state moved the pointer back to reread it.
    if (pointer >= cps.length) break;
  }
  return url;
}

// §4.5 URL serializer.
function serializeURL(url, excludeFragment = false) {
  let output = url.scheme + ':';
  if (url.host !== null) {
    output += '//';
    if (url.includesCredentials()) {
      output += url.username;
      if (url.password !== '') output += ':' + url.password;
      output += '@';
    }
    output += serializeHost(url.host);
    if (url.port !== null) output += ':' + url.port;
  }
  if (url.host === null && !url.hasOpaquePath() && url.path.length > 1 && url.path[0] === '') output += '/.';
  output += serializePath(url);
  if (url.query !== null) output += '?' + url.query;
  if (!excludeFragment && url.fragment !== null) output += '#' + url.fragment;
  return output;
}

function serializePath(url) {
  if (url.hasOpaquePath()) return url.path;
  let out = '';
  for (const segment of url.path) out += '/' + segment;
  return out;
}

// §4.7 origin, serialized.
function serializeOrigin(url) {
  switch (url.scheme) {
    case 'blob': {
      const pathURL = basicParse(serializePath(url), null);
      if (pathURL !== kFailure && (pathURL.scheme === 'http' || pathURL.scheme === 'https')) {
        return serializeOrigin(pathURL);
      }
      return 'null';
    }
    case 'ftp':
    case 'http':
    case 'https':
    case 'ws':
    case 'wss':
      return `${url.scheme}://${serializeHost(url.host)}${url.port !== null ? ':' + url.port : ''}`;
    default:
      return 'null';
  }
}

// ---- application/x-www-form-urlencoded (§5) ---------------------------------------------

function parseUrlencoded(input) {
  const output = [];
  for (const sequence of input.split('&')) {
    if (sequence === '') continue;
    let name = sequence;
    let value = '';
    const eq = sequence.indexOf('=');
    if (eq !== -1) {
      name = sequence.slice(0, eq);
      value = sequence.slice(eq + 1);
    }
    name = name.replace(/\+/g, ' ');
    value = value.replace(/\+/g, ' ');
    output.push([utf8Decode(percentDecodeBytes(name)), utf8Decode(percentDecodeBytes(value))]);
  }
  return output;
}

function serializeUrlencoded(list) {
  let output = '';
  for (let i = 0; i < list.length; i++) {
    if (i > 0) output += '&';
    output += percentEncodeString(list[i][0], FORM_URLENCODED, true) + '=' +
      percentEncodeString(list[i][1], FORM_URLENCODED, true);
  }
  return output;
}

// ---- URLSearchParams (§6.2) ---------------------------------------------------------------

const kList = Symbol('query');
const kURL = Symbol('context');

function isURLSearchParams(value) {
  return value != null && typeof value === 'object' && Array.isArray(value[kList]);
}

class URLSearchParams {
  constructor(init = undefined) {
    this[kList] = [];
    this[kURL] = null;
    if (init === undefined || init === null) {
      return;
    }
    if (typeof init === 'object' || typeof init === 'function') {
      const method = init[Symbol.iterator];
      if (method === this[Symbol.iterator] && isURLSearchParams(init)) {
        this[kList] = init[kList].map((pair) => [pair[0], pair[1]]);
      } else if (method != null) {
        if (typeof method !== 'function') throw new (codes().ERR_ARG_NOT_ITERABLE ?? codes().ERR_INVALID_ARG_TYPE)('Query pairs', 'iterable', init);
        for (const pair of init) {
          if (pair === null || (typeof pair !== 'object' && typeof pair !== 'function') ||
              typeof pair[Symbol.iterator] !== 'function') {
            throw new (codes().ERR_INVALID_TUPLE)('Each query pair', '[name, value]');
          }
          const items = [...pair];
          if (items.length !== 2) throw new (codes().ERR_INVALID_TUPLE)('Each query pair', '[name, value]');
          this[kList].push([toUSVString(`${items[0]}`), toUSVString(`${items[1]}`)]);
        }
      } else {
        for (const key of Reflect.ownKeys(init)) {
          const desc = Reflect.getOwnPropertyDescriptor(init, key);
          if (desc === undefined || !desc.enumerable) continue;
          if (typeof key === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
          this[kList].push([toUSVString(key), toUSVString(`${init[key]}`)]);
        }
      }
    } else {
      init = toUSVString(`${init}`);
      this[kList] = parseUrlencoded(init.startsWith('?') ? init.slice(1) : init);
    }
  }

  get size() {
    checkParams(this);
    return this[kList].length;
  }

  append(name, value) {
    checkParams(this);
    if (arguments.length < 2) throw new (codes().ERR_MISSING_ARGS)('name', 'value');
    this[kList].push([toUSVString(`${name}`), toUSVString(`${value}`)]);
    update(this);
  }

  delete(name, value = undefined) {
    checkParams(this);
    if (arguments.length < 1) throw new (codes().ERR_MISSING_ARGS)('name');
    name = toUSVString(`${name}`);
    if (value !== undefined) {
      value = toUSVString(`${value}`);
      this[kList] = this[kList].filter((p) => !(p[0] === name && p[1] === value));
    } else {
      this[kList] = this[kList].filter((p) => p[0] !== name);
    }
    update(this);
  }

  get(name) {
    checkParams(this);
    if (arguments.length < 1) throw new (codes().ERR_MISSING_ARGS)('name');
    name = toUSVString(`${name}`);
    const pair = this[kList].find((p) => p[0] === name);
    return pair === undefined ? null : pair[1];
  }

  getAll(name) {
    checkParams(this);
    if (arguments.length < 1) throw new (codes().ERR_MISSING_ARGS)('name');
    name = toUSVString(`${name}`);
    return this[kList].filter((p) => p[0] === name).map((p) => p[1]);
  }

  has(name, value = undefined) {
    checkParams(this);
    if (arguments.length < 1) throw new (codes().ERR_MISSING_ARGS)('name');
    name = toUSVString(`${name}`);
    if (value !== undefined) {
      value = toUSVString(`${value}`);
      return this[kList].some((p) => p[0] === name && p[1] === value);
    }
    return this[kList].some((p) => p[0] === name);
  }

  set(name, value) {
    checkParams(this);
    if (arguments.length < 2) throw new (codes().ERR_MISSING_ARGS)('name', 'value');
    name = toUSVString(`${name}`);
    value = toUSVString(`${value}`);
    const list = this[kList];
    const index = list.findIndex((p) => p[0] === name);
    if (index === -1) {
      list.push([name, value]);
    } else {
      list[index][1] = value;
      this[kList] = list.filter((p, i) => i <= index || p[0] !== name);
    }
    update(this);
  }

  // Stable, by the names' code units.
  sort() {
    checkParams(this);
    const list = this[kList].map((p, i) => [p, i]);
    list.sort((a, b) => {
      if (a[0][0] < b[0][0]) return -1;
      if (a[0][0] > b[0][0]) return 1;
      return a[1] - b[1];
    });
    this[kList] = list.map((x) => x[0]);
    update(this);
  }

  forEach(callback, thisArg = undefined) {
    checkParams(this);
    require('internal/validators').validateFunction(callback, 'callback');
    for (let i = 0; i < this[kList].length; i++) {
      const [key, value] = this[kList][i];
      callback.call(thisArg, value, key, this);
    }
  }

  entries() {
    checkParams(this);
    return makeIterator(this, 'key+value');
  }

  keys() {
    checkParams(this);
    return makeIterator(this, 'key');
  }

  values() {
    checkParams(this);
    return makeIterator(this, 'value');
  }

  toString() {
    checkParams(this);
    return serializeUrlencoded(this[kList]);
  }

  [Symbol.for('nodejs.util.inspect.custom')](recurseTimes, ctx) {
    checkParams(this);
    if (typeof recurseTimes === 'number' && recurseTimes < 0) return ctx.stylize('[Object]', 'special');
    const { inspect } = require('internal/util/inspect');
    const separator = ', ';
    const innerOpts = { ...ctx };
    if (recurseTimes !== null) innerOpts.depth = recurseTimes - 1;
    const innerInspect = (v) => inspect(v, innerOpts);
    const list = this[kList];
    const output = [];
    for (let i = 0; i < list.length; i++) output.push(`${innerInspect(list[i][0])} => ${innerInspect(list[i][1])}`);
    const length = output.reduce((prev, cur) => prev + cur.length + separator.length, -separator.length);
    if (length > ctx.breakLength) return `${this.constructor.name} {\n  ${output.join(',\n  ')} }`;
    if (output.length) return `${this.constructor.name} { ${output.join(separator)} }`;
    return `${this.constructor.name} {}`;
  }
}

function checkParams(value) {
  if (!isURLSearchParams(value)) throw new (codes().ERR_INVALID_THIS)('URLSearchParams');
}

URLSearchParams.prototype[Symbol.iterator] = URLSearchParams.prototype.entries;
for (const key of ['append', 'delete', 'get', 'getAll', 'has', 'set', 'sort', 'forEach', 'entries', 'keys', 'values',
  'toString', 'size']) {
  const d = Object.getOwnPropertyDescriptor(URLSearchParams.prototype, key);
  Object.defineProperty(URLSearchParams.prototype, key, { ...d, enumerable: true });
}
Object.defineProperty(URLSearchParams.prototype, Symbol.toStringTag, { value: 'URLSearchParams', configurable: true });

// §6.2 "update": the URL's query follows the list.
function update(params) {
  const url = params[kURL];
  if (url === null) return;
  const serialized = serializeUrlencoded(params[kList]);
  url[kRecord].query = serialized === '' ? null : serialized;
  if (serialized === '') potentiallyStripTrailingSpaces(url);
}

const URLSearchParamsIteratorPrototype = Object.create(Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())), {
  next: {
    value: function next() {
      const state = this[kIteratorState];
      if (state === undefined) throw new (codes().ERR_INVALID_THIS)('URLSearchParamsIterator');
      const { target, kind, index } = state;
      const values = target[kList];
      if (index >= values.length) return { value: undefined, done: true };
      state.index = index + 1;
      const [key, value] = values[index];
      return { value: kind === 'key' ? key : kind === 'value' ? value : [key, value], done: false };
    },
    writable: true, enumerable: true, configurable: true,
  },
  [Symbol.toStringTag]: { value: 'URLSearchParams Iterator', configurable: true },
});
const kIteratorState = Symbol('state');

function makeIterator(target, kind) {
  const iterator = Object.create(URLSearchParamsIteratorPrototype);
  iterator[kIteratorState] = { target, kind, index: 0 };
  return iterator;
}

// ---- URL (§6.1) ----------------------------------------------------------------------------

const kRecord = Symbol('url');
const kSearchParams = Symbol('searchParams');

function isURL(value) {
  return value != null && typeof value === 'object' && value[kRecord] instanceof URLRecord;
}

function parseOrThrow(input, base) {
  input = toUSVString(`${input}`);
  let baseRecord = null;
  if (base !== undefined) {
    baseRecord = basicParse(toUSVString(`${base}`), null);
    if (baseRecord === kFailure) throw new (codes().ERR_INVALID_URL)(input, `${base}`);
  }
  const record = basicParse(input, baseRecord);
  if (record === kFailure) throw new (codes().ERR_INVALID_URL)(input, base === undefined ? null : `${base}`);
  return record;
}

class URL {
  constructor(input, base = undefined) {
    if (arguments.length === 0) throw new (codes().ERR_MISSING_ARGS)('url');
    this[kRecord] = parseOrThrow(input, base);
    this[kSearchParams] = null;
  }

  static canParse(url, base = undefined) {
    if (arguments.length === 0) throw new (codes().ERR_MISSING_ARGS)('url');
    try {
      parseOrThrow(url, base);
      return true;
    } catch {
      return false;
    }
  }

  static parse(url, base = undefined) {
    if (arguments.length === 0) throw new (codes().ERR_MISSING_ARGS)('url');
    try {
      return new URL(url, base);
    } catch {
      return null;
    }
  }

  get href() {
    return serializeURL(record(this));
  }
  set href(value) {
    const parsed = basicParse(toUSVString(`${value}`), null);
    if (parsed === kFailure) throw new (codes().ERR_INVALID_URL)(`${value}`);
    this[kRecord] = parsed;
    syncSearchParams(this);
  }

  get origin() {
    return serializeOrigin(record(this));
  }

  get protocol() {
    return record(this).scheme + ':';
  }
  set protocol(value) {
    basicParse(toUSVString(`${value}`) + ':', null, record(this), S.SCHEME_START);
  }

  get username() {
    return record(this).username;
  }
  set username(value) {
    const url = record(this);
    if (url.cannotHaveUsernamePasswordPort()) return;
    url.username = percentEncodeString(toUSVString(`${value}`), USERINFO);
  }

  get password() {
    return record(this).password;
  }
  set password(value) {
    const url = record(this);
    if (url.cannotHaveUsernamePasswordPort()) return;
    url.password = percentEncodeString(toUSVString(`${value}`), USERINFO);
  }

  get host() {
    const url = record(this);
    if (url.host === null) return '';
    if (url.port === null) return serializeHost(url.host);
    return serializeHost(url.host) + ':' + url.port;
  }
  set host(value) {
    const url = record(this);
    if (url.hasOpaquePath()) return;
    basicParse(toUSVString(`${value}`), null, url, S.HOST);
  }

  get hostname() {
    const url = record(this);
    return url.host === null ? '' : serializeHost(url.host);
  }
  set hostname(value) {
    const url = record(this);
    if (url.hasOpaquePath()) return;
    basicParse(toUSVString(`${value}`), null, url, S.HOSTNAME);
  }

  get port() {
    const url = record(this);
    return url.port === null ? '' : String(url.port);
  }
  set port(value) {
    const url = record(this);
    if (url.cannotHaveUsernamePasswordPort()) return;
    value = toUSVString(`${value}`);
    if (value === '') url.port = null;
    else basicParse(value, null, url, S.PORT);
  }

  get pathname() {
    return serializePath(record(this));
  }
  set pathname(value) {
    const url = record(this);
    if (url.hasOpaquePath()) return;
    url.path = [];
    basicParse(toUSVString(`${value}`), null, url, S.PATH_START);
  }

  get search() {
    const url = record(this);
    return url.query === null || url.query === '' ? '' : '?' + url.query;
  }
  set search(value) {
    const url = record(this);
    value = toUSVString(`${value}`);
    if (value === '') {
      url.query = null;
      if (this[kSearchParams]) this[kSearchParams][kList] = [];
      potentiallyStripTrailingSpaces(this);
      return;
    }
    const input = value[0] === '?' ? value.slice(1) : value;
    url.query = '';
    basicParse(input, null, url, S.QUERY);
    if (this[kSearchParams]) this[kSearchParams][kList] = parseUrlencoded(input);
  }

  get searchParams() {
    record(this);
    if (this[kSearchParams] === null) {
      const params = new URLSearchParams();
      params[kList] = parseUrlencoded(this[kRecord].query ?? '');
      params[kURL] = this;
      this[kSearchParams] = params;
    }
    return this[kSearchParams];
  }

  get hash() {
    const url = record(this);
    return url.fragment === null || url.fragment === '' ? '' : '#' + url.fragment;
  }
  set hash(value) {
    const url = record(this);
    value = toUSVString(`${value}`);
    if (value === '') {
      url.fragment = null;
      potentiallyStripTrailingSpaces(this);
      return;
    }
    const input = value[0] === '#' ? value.slice(1) : value;
    url.fragment = '';
    basicParse(input, null, url, S.FRAGMENT);
  }

  toString() {
    return this.href;
  }

  toJSON() {
    return this.href;
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, opts) {
    record(this);
    if (typeof depth === 'number' && depth < 0) return this;
    const obj = {
      __proto__: { constructor: URL },
      href: this.href, origin: this.origin, protocol: this.protocol, username: this.username,
      password: this.password, host: this.host, hostname: this.hostname, port: this.port,
      pathname: this.pathname, search: this.search, searchParams: this.searchParams, hash: this.hash,
    };
    const { inspect } = require('internal/util/inspect');
    return `${this.constructor.name} ${inspect(obj, { ...opts, customInspect: true })}`;
  }
}

function record(url) {
  if (!isURL(url)) throw new (codes().ERR_INVALID_THIS)('URL');
  return url[kRecord];
}

// §6.1 "potentially strip trailing spaces from an opaque path".
function potentiallyStripTrailingSpaces(url) {
  const r = url[kRecord];
  if (!r.hasOpaquePath() || r.fragment !== null || r.query !== null) return;
  r.path = r.path.replace(/ +$/, '');
}

function syncSearchParams(url) {
  if (url[kSearchParams]) url[kSearchParams][kList] = parseUrlencoded(url[kRecord].query ?? '');
}

for (const key of ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname',
  'search', 'searchParams', 'hash', 'toString', 'toJSON']) {
  const d = Object.getOwnPropertyDescriptor(URL.prototype, key);
  Object.defineProperty(URL.prototype, key, { ...d, enumerable: true });
}
Object.defineProperty(URL.prototype, Symbol.toStringTag, { value: 'URL', configurable: true });
URL.createObjectURL = function createObjectURL() {
  throw new Error('URL.createObjectURL: Blob URLs are not supported by Glass yet');
};
URL.revokeObjectURL = function revokeObjectURL() {};

// ---- Node's helpers ------------------------------------------------------------------------

function domainToASCII(domain) {
  if (arguments.length < 1) throw new (codes().ERR_MISSING_ARGS)('domain');
  const r = basicParse(`ws://${domain}`, null);
  return r === kFailure ? '' : serializeHost(r.host);
}

function domainToUnicode(domain) {
  if (arguments.length < 1) throw new (codes().ERR_MISSING_ARGS)('domain');
  const r = basicParse(`ws://${domain}`, null);
  if (r === kFailure) return '';
  return typeof r.host === 'string' ? binding.domainToUnicode(r.host) : serializeHost(r.host);
}

// url.fileURLToPath(url): the path a file: URL names (POSIX).
function fileURLToPath(path) {
  if (typeof path === 'string') path = new URL(path);
  else if (!isURL(path)) throw new (codes().ERR_INVALID_ARG_TYPE)('path', ['string', 'URL'], path);
  if (path.protocol !== 'file:') throw new (codes().ERR_INVALID_URL_SCHEME)('file');
  if (path.hostname !== '') throw new (codes().ERR_INVALID_FILE_URL_HOST)(process.platform);
  const pathname = path.pathname;
  for (let n = 0; n < pathname.length; n++) {
    if (pathname[n] === '%') {
      const third = pathname.codePointAt(n + 2) | 0x20;
      if (pathname[n + 1] === '2' && third === 102) {
        throw new (codes().ERR_INVALID_FILE_URL_PATH)('must not include encoded / characters');
      }
    }
  }
  return decodeURIComponent(pathname);
}

// url.pathToFileURL(path): an absolute file: URL (the path resolved; a
// trailing slash kept; %, \, newlines and tabs encoded).
function pathToFileURL(filepath) {
  require('internal/validators').validateString(filepath, 'path');
  const path = require('path');
  let resolved = path.resolve(filepath);
  if (filepath.charCodeAt(filepath.length - 1) === 0x2F && resolved[resolved.length - 1] !== path.sep) resolved += '/';
  resolved = resolved.replace(/%/g, '%25').replace(/\\/g, '%5C').replace(/\n/g, '%0A').replace(/\r/g, '%0D')
    .replace(/\t/g, '%09');
  const url = new URL('file://');
  url.pathname = resolved;
  return url;
}

// url.urlToHttpOptions(url): the options object http.request takes.
function urlToHttpOptions(url) {
  const options = {
    protocol: url.protocol,
    hostname: typeof url.hostname === 'string' && url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
    hash: url.hash,
    search: url.search,
    pathname: url.pathname,
    path: `${url.pathname || ''}${url.search || ''}`,
    href: url.href,
  };
  if (url.port !== '') options.port = Number(url.port);
  if (url.username || url.password) {
    options.auth = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  }
  return options;
}

module.exports = {
  URL,
  URLSearchParams,
  isURL,
  fileURLToPath,
  pathToFileURL,
  urlToHttpOptions,
  domainToASCII,
  domainToUnicode,
  // for the legacy url.parse (lib/url.js)
  parseUrlencoded,
  serializeUrlencoded,
  percentEncodeString,
  codePoints,
};
