// The order Node runs things in: synchronous code, nextTick queue, promise jobs, then timers, immediates; inside an I/O-free timer callback an immediate runs before a new 0 ms timer. (timing-sensitive)
const log = [];
const out = (s) => log.push(s);
setTimeout(() => {
  out('timeout A');
  setTimeout(() => out('timeout inside timeout'), 0);
  setImmediate(() => out('immediate inside timeout'));
  process.nextTick(() => out('nextTick inside timeout'));
  Promise.resolve().then(() => out('promise inside timeout'));
}, 0);
setTimeout(() => out('timeout B'), 0);
Promise.resolve().then(() => {
  out('promise 1');
  process.nextTick(() => out('nextTick queued by a promise'));
}).then(() => out('promise 2'));
process.nextTick(() => {
  out('nextTick 1');
  process.nextTick(() => out('nextTick queued by nextTick'));
  Promise.resolve().then(() => out('promise queued by nextTick'));
});
queueMicrotask(() => out('queueMicrotask'));
out('sync');
setTimeout(() => {
  setImmediate(() => {
    out('immediate 1');
    process.nextTick(() => out('nextTick between immediates'));
  });
  setImmediate(() => out('immediate 2'));
}, 100);
setTimeout(() => console.log(log.join('\n')), 300);
