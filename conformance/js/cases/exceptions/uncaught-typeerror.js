// An uncaught TypeError thrown from a nested call.
console.log('start');
const obj = { method() { throw new TypeError('not a thing'); } };
[1].forEach(() => obj.method());
