// Object literals: shorthand, methods, computed keys, __proto__, spread, duplicate keys, key order.
const x = 1, y = 2;
const key = 'dyn';
let counter = 0;
const o = {
  x, y,
  [key + 'amic']: 'computed',
  [`k${++counter}`]: counter,
  [1 + 1]: 'numeric computed',
  'quoted key': true,
  method() { return 'method'; },
  x: 'later duplicate wins',
};
console.log(JSON.stringify(o));
console.log(o.method());
const withProto = { __proto__: { inherited: 'yes' }, own: 1 };
console.log(`__proto__ literal: ${withProto.inherited} ${Object.keys(withProto).join(',')}`);
const computedProto = { ['__proto__']: 'just a key' };
console.log(`computed __proto__ is an own key: ${Object.keys(computedProto).join(',')}`);
const order = { b: 1, 10: 1, a: 1, 2: 1, [Symbol('s')]: 1, '-1': 1, '01': 1, 4294967294: 1, 4294967295: 1 };
console.log(`key order: ${Reflect.ownKeys(order).map(String).join(',')}`);
const base = { a: 1, b: 2, get g() { return 'getter value'; } };
const spread = { ...base, b: 3, ...null, ...undefined, ...'hi', ...[9] };
console.log(`spread: ${JSON.stringify(spread)}`);
console.log(`spread copied getter as value: ${typeof Object.getOwnPropertyDescriptor(spread, 'g').get}`);
const nested = { a: { b: { c: 'deep' } } };
console.log(nested.a.b.c, nested['a']['b']['c']);
const numKeys = { 1.5: 'float', 1e3: 'exp', 0x10: 'hex' };
console.log(Object.keys(numKeys).join(','));
