// await suspends the async function like a yield; the rest runs later as a promise job, after the synchronous code.
async function work() {
  const v = await 21;
  return v * 2;
}
work().then((v) => console.log('result', v));
console.log('sync first');
