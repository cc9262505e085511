// Generators: lazy execution, next(value), return values, spreading, infinite sequences.
function* counter(limit) {
  console.log('generator body starts on first next()');
  for (let i = 0; i < limit; i++) yield i;
  return 'done value';
}
const g = counter(2);
console.log('created');
console.log(JSON.stringify(g.next()));
console.log(JSON.stringify(g.next()));
console.log(JSON.stringify(g.next()));
console.log(JSON.stringify(g.next()));
function* echo() { let received = []; while (received.length < 3) received.push(yield received.length); return received.join(','); }
const e = echo();
console.log(`${e.next('ignored first').value} ${e.next('a').value} ${e.next('b').value} ${e.next('c').value}`);
console.log(`spread ignores return value: ${[...counter(3)].join(',')}`);
function* naturals() { let n = 1; for (;;) yield n++; }
const firstFive = [];
for (const n of naturals()) { if (n > 5) break; firstFive.push(n); }
console.log(`infinite with break: ${firstFive.join(',')}`);
const it = counter(1);
console.log(`generator is its own iterator: ${it[Symbol.iterator]() === it}`);
console.log(`toString tag: ${Object.prototype.toString.call(it)}`);
const obj = { *items() { yield 'method generator'; } };
console.log([...obj.items()][0]);
class Coll { constructor() { this.v = ['x', 'y']; } *[Symbol.iterator]() { yield* this.v; } }
console.log(`class generator method: ${[...new Coll()].join('')}`);
function* fib() { let [a, b] = [0, 1]; for (;;) { yield a; [a, b] = [b, a + b]; } }
const fibs = [];
for (const f of fib()) { if (fibs.length === 10) break; fibs.push(f); }
console.log(fibs.join(' '));
try { new counter(); } catch (err) { console.log(`new on generator: ${err.name}`); }
const running = (function* self() { try { running.next(); } catch (err) { yield err.name; } })();
console.log(`re-entering a running generator: ${running.next().value}`);
