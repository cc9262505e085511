// Promise reactions are jobs: they run after the script, in the order the promises settled.
const log = [];
Promise.resolve(1).then((v) => log.push('then ' + v));
queueMicrotask(() => log.push('microtask'));
log.push('sync');
setTimeout(() => console.log(log.join(', ')), 0);
