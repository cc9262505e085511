// Promise then/catch/finally chains, resolution with values and thenables, executor errors.
const out = [];
const p = new Promise((resolve, reject) => { resolve('first'); resolve('ignored'); reject(new Error('ignored')); });
p.then((v) => { out.push(`then ${v}`); return 'chained'; })
  .then((v) => { out.push(`then ${v}`); throw new Error('thrown in then'); })
  .then(() => out.push('skipped'))
  .catch((e) => { out.push(`catch ${e.message}`); return 'recovered'; })
  .finally(() => { out.push('finally (no argument)'); return 'finally value ignored'; })
  .then((v) => out.push(`after finally ${v}`));
new Promise(() => { throw new TypeError('executor throws'); }).catch((e) => out.push(`executor error: ${e.name}`));
Promise.reject(new Error('r')).finally(() => out.push('finally on rejection')).catch((e) => out.push(`still rejected: ${e.message}`));
Promise.resolve('x').finally(() => { throw new Error('finally throws'); }).catch((e) => out.push(`finally overrides: ${e.message}`));
Promise.resolve(1).then(null, null).then((v) => out.push(`non-function handlers pass through: ${v}`));
Promise.reject(new Error('e')).then((v) => v).catch((e) => out.push(`rejection skips then: ${e.message}`));
const existing = Promise.resolve('same');
out.push(`Promise.resolve(promise) returns it: ${Promise.resolve(existing) === existing}`);
const self = new Promise((r) => setTimeoutFreeLater(() => r(self)));
self.catch((e) => out.push(`resolve with itself: ${e.name}`));
Promise.resolve({ then(res) { res('thenable value'); } }).then((v) => out.push(v));
Promise.resolve({ then() { throw new Error('thenable throws'); } }).catch((e) => out.push(e.message));
function setTimeoutFreeLater(fn) { Promise.resolve().then(fn); }
let chain = Promise.resolve();
for (let i = 0; i < 30; i++) chain = chain.then(() => {});
chain.then(() => { for (const line of out) console.log(line); });
console.log(`sync first: ${out.length} entries so far, state object: ${Object.prototype.toString.call(p)}`);
