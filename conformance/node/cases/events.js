// EventEmitter: on/once/off/emit order and arguments, prependListener, listenerCount, removeAllListeners, 'error' without a listener throws, newListener.
const EventEmitter = require('events');
const { EventEmitter: Named } = require('node:events');
console.log(`same class ${EventEmitter === Named}`);
const e = new EventEmitter();
const calls = [];
const a = (x) => calls.push(`a ${x}`);
e.on('ev', a);
e.on('ev', (x, y) => calls.push(`b ${x} ${y}`));
e.prependListener('ev', () => calls.push('first'));
e.once('ev', () => calls.push('once'));
console.log(`emit returns ${e.emit('ev', 1, 2)} ${e.emit('nothing')}`);
e.off('ev', a);
e.emit('ev', 3, 4);
console.log(calls.join(', '));
console.log(`count ${e.listenerCount('ev')} names ${e.eventNames().join()}`);
e.removeAllListeners('ev');
console.log(`after removeAll ${e.listenerCount('ev')}`);
try { e.emit('error', new TypeError('bad')); } catch (err) { console.log(`error thrown ${err.name} ${err.message}`); }
e.on('error', (err) => console.log(`error handled ${err.message}`));
e.emit('error', new Error('caught'));
const added = [];
e.on('newListener', (name) => added.push(name));
e.on('x', () => {});
console.log(`newListener ${added.join()}`);
class Sub extends EventEmitter {}
const s = new Sub();
s.on('hi', function () { console.log(`this is the emitter ${this === s}`); });
s.emit('hi');
EventEmitter.once(s, 'later').then(([v]) => console.log(`EventEmitter.once ${v}`));
s.emit('later', 42);
