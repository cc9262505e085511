// node-deviates: Node 20 has no Promise.withResolvers (ES2024); the .expected file was written by hand.
// Promise.withResolvers: a promise with its resolve/reject functions.
const { promise, resolve, reject } = Promise.withResolvers();
console.log(`${promise instanceof Promise} ${typeof resolve} ${typeof reject}`);
promise.then((v) => console.log(`resolved with ${v}`));
resolve('value');
const second = Promise.withResolvers();
second.promise.catch((e) => console.log(`rejected with ${e.message}`));
second.reject(new Error('reason'));
console.log('sync end');
