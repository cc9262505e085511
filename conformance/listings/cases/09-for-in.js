// for-in walks the enumerable string keys, own and inherited, in property order.
const proto = { inherited: 1 };
const o = Object.create(proto);
o.b = 2;
o.a = 3;
const keys = [];
for (const k in o) keys.push(k);
console.log(keys.join(','));
