const target = { secret: 42 };
const proxy = new Proxy(target, { get: (t, k) => (k === 'secret' ? 'hidden' : t[k]) });
const obj = {
  get computed() { return 'ran getter'; },
  plain: [1, 2, 3],
  nested: { deep: { deeper: true } },
  map: new Map([['k', 1]]),
  set: new Set(['x']),
  when: new Date(0),
  re: /a+b/g,
};
debugger;
console.log(proxy.secret, obj.computed);
