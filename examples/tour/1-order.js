// 1. Who runs first: synchronous code, process.nextTick, a promise job,
//    setTimeout(0) and setImmediate.
//
// In `glass view 1-order.js`: step over the five lines and watch each
// callback land in its own queue in the Event loop panel, each linked to the
// line that made it. Then press "Next callback" repeatedly: the stack empties,
// the nextTick queue drains first, then the microtasks (promise jobs), then
// the loop turns — timers phase, then check (setImmediate).
setTimeout(() => console.log('5. setTimeout (timers phase)'), 0);
setImmediate(() => console.log('6. setImmediate (check phase)'));
Promise.resolve().then(() => console.log('4. promise job (microtask)'));
process.nextTick(() => console.log('3. process.nextTick'));
console.log('1. synchronous');
console.log('2. still synchronous: the stack must empty first');
