// Async functions: return values become promises, await on values/thenables, errors, sequencing.
async function value() { return 'returned'; }
async function fails() { throw new Error('rejected'); }
async function main() {
  console.log(`returns a promise: ${value() instanceof Promise}`);
  console.log(`await value: ${await value()}`);
  console.log(`await non-promise: ${await 42}`);
  const thenable = { then(resolve) { resolve('from thenable'); } };
  console.log(`await thenable: ${await thenable}`);
  try { await fails(); } catch (e) { console.log(`caught: ${e.message}`); }
  const results = [];
  for (const n of [3, 1, 2]) results.push(await Promise.resolve(n * 10));
  console.log(`sequential: ${results.join(',')}`);
  const parallel = await Promise.all([1, 2, 3].map(async (n) => n * n));
  console.log(`parallel: ${parallel.join(',')}`);
  const arrow = async () => 'async arrow';
  console.log(await arrow());
  const obj = { async method() { return 'async method'; } };
  console.log(await obj.method());
  class K { async m() { return this.v; } constructor() { this.v = 'async class method'; } }
  console.log(await new K().m());
  let finallyRan = false;
  try { await Promise.reject(new Error('x')); } catch {} finally { finallyRan = true; }
  console.log(`finally after await: ${finallyRan}`);
  return 'main done';
}
main().then((v) => console.log(v));
console.log('sync code runs before the first await continues');
