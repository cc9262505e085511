// expect: ok
async function* g() {
  yield* h();
  await 1;
  for await (x of y);
}
