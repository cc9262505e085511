// yield* inside async generators: delegation to async and sync iterables, return values, throw/return forwarding, awaited returns.
const show = (r) => JSON.stringify(r);
async function* inner() { yield 1; yield 2; return 'r'; }
async function* outer() { const r = yield* inner(); console.log('inner returned ' + r); yield* [3, 4]; }
(async () => {
  for await (const v of outer()) console.log('got ' + v);
  const g = outer();
  console.log(show(await g.next()), show(await g.return(Promise.resolve(9))), show(await g.next()));
  async function* thrower() {
    try {
      yield* { [Symbol.asyncIterator]() { return { next() { return Promise.resolve({ value: 5, done: false }); } }; } };
    } catch (e) { console.log('caught ' + e.name); }
  }
  const t = thrower();
  console.log(show(await t.next()));
  console.log(show(await t.throw(new Error('x'))));
  async function* bad() { yield* { [Symbol.asyncIterator]() { return { next() { return 1; } }; } }; }
  try { await bad().next(); } catch (e) { console.log('non-object result: ' + e.name); }
  async function* ret() { try { yield 1; } finally { console.log('finally ran'); } }
  const q = ret();
  await q.next();
  console.log(await q.return(Promise.reject(new Error('rej'))).then(() => 'fulfilled', (e) => 'rejected ' + e.message));
  async function* r2() { return Promise.resolve(7); }
  console.log(show(await r2().next()));
  const order = [];
  async function* forwarded() {
    const it = { [Symbol.asyncIterator]() { return this; },
      next(v) { order.push('next ' + v); return { value: order.length, done: order.length > 2 }; },
      return(v) { order.push('return ' + v); return { value: v, done: true }; } };
    yield* it;
  }
  const f = forwarded();
  await f.next('a'); await f.next('b'); console.log(show(await f.return('c')));
  console.log(order.join(', '));
})();
