function delay(value) {
  return new Promise((resolve) => setTimeout(() => resolve(value), 5));
}
async function load() {
  debugger;
  const first = await delay(1);
  const second = await delay(2);
  return first + second;
}
load().then((sum) => console.log('sum', sum));
console.log('started');
