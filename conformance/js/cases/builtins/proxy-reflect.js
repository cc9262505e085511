// Proxy traps and Reflect, enough to check that the traps are called and invariants enforced.
const log = [];
const target = { a: 1 };
const proxy = new Proxy(target, {
  get(t, k, r) { log.push(`get ${String(k)}`); return Reflect.get(t, k, r); },
  set(t, k, v, r) { log.push(`set ${String(k)}`); return Reflect.set(t, k, v * 2, r); },
  has(t, k) { log.push(`has ${String(k)}`); return k !== 'hidden' && Reflect.has(t, k); },
  deleteProperty(t, k) { log.push(`delete ${String(k)}`); return Reflect.deleteProperty(t, k); },
  ownKeys(t) { log.push('ownKeys'); return Reflect.ownKeys(t); },
});
proxy.b = 5;
const sum = proxy.a + proxy.b;
const hasA = 'a' in proxy;
delete proxy.a;
const keys = Object.keys(proxy);
console.log(`${sum} ${hasA} ${keys.join(',')} ${JSON.stringify(target)}`);
console.log(log.join(' | '));
const fnProxy = new Proxy(function (a, b) { return a + b; }, {
  apply(t, thisArg, args) { return `applied: ${Reflect.apply(t, thisArg, args)}`; },
  construct(t, args) { return { constructedWith: args.join(',') }; },
});
console.log(`${fnProxy(1, 2)} ${new fnProxy('x', 'y').constructedWith}`);
const frozen = Object.freeze({ fixed: 1 });
const liar = new Proxy(frozen, { get() { return 'lie'; } });
try { liar.fixed; } catch (e) { console.log(`invariant enforced: ${e.name}`); }
const { proxy: revocable, revoke } = Proxy.revocable({}, {});
revoke();
try { revocable.x; } catch (e) { console.log(`revoked: ${e.name}`); }
console.log(`Reflect: ${Reflect.ownKeys({ z: 1, [Symbol('s')]: 2 }).length} ${Reflect.getPrototypeOf([]) === Array.prototype} ${Reflect.defineProperty({}, 'x', { value: 1 })} ${Reflect.construct(Date, [0]).getTime()}`);
console.log(`Reflect.apply: ${Reflect.apply(Math.max, null, [1, 3, 2])} isExtensible: ${Reflect.isExtensible(Object.preventExtensions({}))}`);
