// An async function that throws and is never awaited: an unhandled rejection.
async function work() {
  console.log('working');
  await null;
  throw new Error('async boom');
}
work();
console.log('after call');
