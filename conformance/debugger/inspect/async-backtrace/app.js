async function inner() {
  await null;
  debugger;
  return 1;
}
async function middle() {
  const v = await inner();
  return v + 1;
}
async function outer() {
  return await middle();
}
outer().then((v) => console.log('got', v));
