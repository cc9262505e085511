// Async generators and for await: ordering, sync iterables of promises, return().
async function* ticker(n) { for (let i = 0; i < n; i++) { await null; yield `tick ${i}`; } return 'end'; }
async function main() {
  for await (const t of ticker(3)) console.log(t);
  const out = [];
  for await (const v of [Promise.resolve('p1'), 'plain', Promise.resolve('p2')]) out.push(v);
  console.log(`sync iterable: ${out.join(',')}`);
  const g = ticker(5);
  console.log(JSON.stringify(await g.next()));
  console.log(JSON.stringify(await g.return('stopped')));
  console.log(JSON.stringify(await g.next()));
  let cleaned = false;
  async function* withCleanup() { try { yield 1; yield 2; } finally { cleaned = true; } }
  for await (const v of withCleanup()) break;
  console.log(`break runs finally: ${cleaned}`);
  const custom = {
    [Symbol.asyncIterator]() { let i = 0; return { next: async () => ({ value: i, done: i++ >= 2 }) }; },
  };
  const vals = [];
  for await (const v of custom) vals.push(v);
  console.log(`custom async iterable: ${vals.join(',')}`);
  const queue = ticker(2);
  const [x, y, z] = await Promise.all([queue.next(), queue.next(), queue.next()]);
  console.log(`queued requests: ${x.value} ${y.value} ${z.value} ${z.done}`);
}
main().then(() => console.log('finished'));
