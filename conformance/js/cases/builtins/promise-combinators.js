// Promise.all/allSettled/any/race with mixed values, order of results, empty inputs.
const delay = (v, ticks, fail) => {
  let p = Promise.resolve();
  for (let i = 0; i < ticks; i++) p = p.then(() => {});
  return p.then(() => { if (fail) throw new Error(v); return v; });
};
async function main() {
  console.log(`all: ${(await Promise.all([delay('slow', 5), 'plain', delay('fast', 1)])).join(',')}`);
  try { await Promise.all([delay('ok', 1), delay('bad', 2, true), delay('worse', 1, true)]); } catch (e) { console.log(`all rejects with first rejection: ${e.message}`); }
  console.log(`all empty: ${JSON.stringify(await Promise.all([]))}`);
  const settled = await Promise.allSettled([delay('a', 2), delay('b', 1, true), 3]);
  console.log(`allSettled: ${settled.map((r) => (r.status === 'fulfilled' ? `ok:${r.value}` : `err:${r.reason.message}`)).join(' ')}`);
  console.log(`any: ${await Promise.any([delay('x', 1, true), delay('y', 3), delay('z', 2)])}`);
  try { await Promise.any([delay('p', 1, true), Promise.reject(new Error('q'))]); } catch (e) { console.log(`any all rejected: ${e.name} ${e.errors.map((x) => x.message).join(',')}`); }
  try { await Promise.any([]); } catch (e) { console.log(`any empty: ${e.name} ${e.errors.length}`); }
  console.log(`race: ${await Promise.race([delay('slow', 4), delay('fast', 2)])}`);
  try { await Promise.race([delay('slow', 4), delay('fast failure', 1, true)]); } catch (e) { console.log(`race rejection: ${e.message}`); }
  console.log(`race with plain value: ${await Promise.race([delay('promise', 1), 'plain'])}`);
  const iterableInput = new Set([delay('s1', 1), delay('s2', 1)]);
  console.log(`iterable input: ${(await Promise.all(iterableInput)).join(',')}`);
  try { await Promise.all(5); } catch (e) { console.log(`non-iterable: ${e.name}`); }
}
main().then(() => console.log('done'));
