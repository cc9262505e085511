// A throw inside a promise job is an unhandled rejection: exit code 1.
// Synchronous code and earlier jobs still run first.
console.log('sync');
Promise.resolve().then(() => console.log('job 1'));
Promise.resolve().then(() => { throw new RangeError('in a job'); });
console.log('sync end');
