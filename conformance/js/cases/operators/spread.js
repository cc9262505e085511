// Spread in array literals, calls and new; iterables, holes, strings, and evaluation order.
const a = [1, 2];
const b = [0, ...a, 3, ...a];
console.log(`array spread: ${b.join(',')}`);
console.log(`holes become undefined: ${JSON.stringify([...[1, , 3]])} ${1 in [...[1, , 3]]}`);
console.log(`strings: ${[...'héllo'].join('|')} sets: ${[...new Set([1, 1, 2])].join(',')} maps: ${JSON.stringify([...new Map([['k', 'v']])])}`);
function* gen() { yield 'g1'; yield 'g2'; }
console.log(`generator: ${[...gen(), ...gen()].join(',')}`);
function count() { return arguments.length; }
console.log(`call spread: ${count(...a, ...[], ...'xy')}`);
const d = new Date(...[2020, 0, 15]);
console.log(`new with spread: ${d.getFullYear()} ${d.getMonth()} ${d.getDate()}`);
class P { constructor(...args) { this.args = args; } }
console.log(`class new spread: ${new P(...[1, 2], 3).args.join('')}`);
try { [...{}]; } catch (e) { console.log(`non-iterable: ${e.name}`); }
try { count(...null); } catch (e) { console.log(`spread null in call: ${e.name}`); }
const copy = [...a];
copy.push(99);
console.log(`copy is shallow and separate: ${a.length} ${copy.length}`);
const order = [];
const track = (v) => { order.push(v); return [v]; };
[...track('first'), ...track('second')];
console.log(`left to right: ${order.join(',')}`);
const big = [];
for (let i = 0; i < 10000; i++) big.push(i);
console.log(`large spread into push: ${[].concat([...big]).length} ${Math.max(...big)}`);
