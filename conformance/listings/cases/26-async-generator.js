// An async generator: yield inside an async function; for await pulls each value through a promise.
async function* ticks() {
  yield 'a';
  yield await 'b';
}
(async () => {
  const seen = [];
  for await (const t of ticks()) seen.push(t);
  console.log(seen.join(''));
})();
