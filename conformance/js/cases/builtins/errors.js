// Error constructors: name/message/cause, toString, subclasses, AggregateError, calling without new.
const kinds = [Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError];
for (const K of kinds) {
  const e = new K('msg');
  console.log(`${e.name}: ${e.message} | ${String(e)} | ${e instanceof Error} ${Object.getPrototypeOf(K) === (K === Error ? Function.prototype : Error)} ${e.constructor === K}`);
}
const called = TypeError('no new');
console.log(`without new: ${called instanceof TypeError} ${called.message}`);
const withCause = new Error('outer', { cause: new Error('inner') });
console.log(`cause: ${withCause.cause.message} ${Object.hasOwn(withCause, 'cause')} ${Object.hasOwn(new Error('x', {}), 'cause')} ${new Error('y', { cause: undefined }).hasOwnProperty('cause')}`);
const plain = new Error();
console.log(`empty message: "${plain.message}" ${Object.hasOwn(plain, 'message')} "${String(plain)}"`);
console.log(`message not enumerable: ${Object.keys(new Error('m')).length} ${Object.getOwnPropertyDescriptor(new Error('m'), 'message').enumerable}`);
console.log(`name on prototype: ${Object.hasOwn(TypeError.prototype, 'name')} ${Object.hasOwn(new TypeError(), 'name')}`);
console.log(`toString variants: ${Error.prototype.toString.call({ name: 'N', message: '' })} | ${Error.prototype.toString.call({ message: 'only message' })} | ${Error.prototype.toString.call({ name: '', message: 'm' })}`);
const agg = new AggregateError([new Error('a'), new TypeError('b')], 'many');
console.log(`AggregateError: ${agg.name} ${agg.message} ${agg.errors.length} ${agg.errors[1].name} ${agg instanceof Error}`);
class HttpError extends Error {
  constructor(status, message, options) { super(message, options); this.name = 'HttpError'; this.status = status; }
}
const h = new HttpError(404, 'not found', { cause: 'missing file' });
console.log(`subclass: ${String(h)} ${h.status} ${h.cause} ${h instanceof HttpError} ${h instanceof Error}`);
console.log(`message coerced: ${new Error(42).message} ${typeof new Error(undefined).message} ${new Error(null).message}`);
const o = { toString() { return 'from toString'; } };
console.log(`message from object: ${new Error(o).message}`);
