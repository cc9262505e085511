// DOMException (WebIDL §3.14.1): the error the web APIs throw — an Error
// with a `name` from the table below and its legacy `code`.
'use strict';

// [name, legacy code constant, code] — WebIDL's table of error names.
const kErrorNames = [
  ['IndexSizeError', 'INDEX_SIZE_ERR', 1],
  ['DOMStringSizeError', 'DOMSTRING_SIZE_ERR', 2],
  ['HierarchyRequestError', 'HIERARCHY_REQUEST_ERR', 3],
  ['WrongDocumentError', 'WRONG_DOCUMENT_ERR', 4],
  ['InvalidCharacterError', 'INVALID_CHARACTER_ERR', 5],
  ['NoDataAllowedError', 'NO_DATA_ALLOWED_ERR', 6],
  ['NoModificationAllowedError', 'NO_MODIFICATION_ALLOWED_ERR', 7],
  ['NotFoundError', 'NOT_FOUND_ERR', 8],
  ['NotSupportedError', 'NOT_SUPPORTED_ERR', 9],
  ['InUseAttributeError', 'INUSE_ATTRIBUTE_ERR', 10],
  ['InvalidStateError', 'INVALID_STATE_ERR', 11],
  ['SyntaxError', 'SYNTAX_ERR', 12],
  ['InvalidModificationError', 'INVALID_MODIFICATION_ERR', 13],
  ['NamespaceError', 'NAMESPACE_ERR', 14],
  ['InvalidAccessError', 'INVALID_ACCESS_ERR', 15],
  ['ValidationError', 'VALIDATION_ERR', 16],
  ['TypeMismatchError', 'TYPE_MISMATCH_ERR', 17],
  ['SecurityError', 'SECURITY_ERR', 18],
  ['NetworkError', 'NETWORK_ERR', 19],
  ['AbortError', 'ABORT_ERR', 20],
  ['URLMismatchError', 'URL_MISMATCH_ERR', 21],
  ['QuotaExceededError', 'QUOTA_EXCEEDED_ERR', 22],
  ['TimeoutError', 'TIMEOUT_ERR', 23],
  ['InvalidNodeTypeError', 'INVALID_NODE_TYPE_ERR', 24],
  ['DataCloneError', 'DATA_CLONE_ERR', 25],
];
const codeOf = new Map(kErrorNames.map(([name, , code]) => [name, code]));

const kState = Symbol('kState');

class DOMException {
  constructor(message = '', options = 'Error') {
    // An Error (with its frames), made with Error.prototype's name, then given our prototype.
    const error = new Error();
    Object.setPrototypeOf(error, new.target.prototype);
    let name = 'Error';
    let cause;
    let hasCause = false;
    if (options !== null && typeof options === 'object') {
      if ('name' in options) name = `${options.name}`;
      if ('cause' in options) {
        hasCause = true;
        cause = options.cause;
      }
    } else {
      name = `${options}`;
    }
    error[kState] = { message: `${message}`, name };
    if (hasCause) {
      Object.defineProperty(error, 'cause', { value: cause, writable: true, enumerable: false, configurable: true });
    }
    // The stack's header, made when Error ran, named nothing yet.
    if (typeof error.stack === 'string') {
      const nl = error.stack.indexOf('\n');
      const frames = nl === -1 ? '' : error.stack.slice(nl);
      const text = error[kState].message;
      Object.defineProperty(error, 'stack', {
        value: `${name}${text ? `: ${text}` : ''}${frames}`, writable: true, configurable: true, enumerable: false,
      });
    }
    return error;
  }

  get name() {
    return this[kState].name;
  }

  get message() {
    return this[kState].message;
  }

  get code() {
    return codeOf.get(this[kState].name) ?? 0;
  }
}

Object.setPrototypeOf(DOMException.prototype, Error.prototype);
Object.defineProperty(DOMException.prototype, Symbol.toStringTag, { value: 'DOMException', configurable: true });
for (const key of ['name', 'message', 'code']) {
  const d = Object.getOwnPropertyDescriptor(DOMException.prototype, key);
  Object.defineProperty(DOMException.prototype, key, { ...d, enumerable: true });
}
for (const [, constant, code] of kErrorNames) {
  const desc = { value: code, writable: false, enumerable: true, configurable: false };
  Object.defineProperty(DOMException, constant, desc);
  Object.defineProperty(DOMException.prototype, constant, desc);
}

module.exports = { DOMException };
