// Timers: arguments, clearTimeout/clearInterval/clearImmediate, interval repetition, ordering by delay, unref/hasRef, a Timeout as a number. (timing-sensitive)
const seen = [];
setTimeout((a, b) => seen.push(`args ${a} ${b}`), 1, 'x', 'y');
const cancelled = setTimeout(() => seen.push('cancelled timeout ran'), 1);
clearTimeout(cancelled);
const cancelledImmediate = setImmediate(() => seen.push('cancelled immediate ran'));
clearImmediate(cancelledImmediate);
let count = 0;
const interval = setInterval(() => {
  count++;
  seen.push(`interval ${count}`);
  if (count === 3) clearInterval(interval);
}, 2);
setTimeout(() => seen.push('300ms'), 300);
setTimeout(() => seen.push('200ms'), 200);
const t = setTimeout(() => {}, 1);
seen.push(`hasRef ${t.hasRef()}`);
t.unref();
seen.push(`after unref ${t.hasRef()}`);
t.ref();
seen.push(`number ${typeof +t} ${+t > 0}`);
setTimeout(() => seen.push('never: unref keeps nothing alive'), 100000).unref();
setTimeout(() => console.log(seen.join('\n')), 400);
