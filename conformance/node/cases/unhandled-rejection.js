// A rejection nobody handles ends the program with status 1 (Node 20), after the current microtasks.
console.log('start');
Promise.reject(new RangeError('nobody handles me'));
Promise.resolve().then(() => console.log('microtask still runs'));
setTimeout(() => console.log('timer not reached'), 10);
