// The iterator protocol by hand: next/return, iterables in spread, destructuring, Array.from, Map.
function range(start, end) {
  const log = [];
  return {
    log,
    [Symbol.iterator]() {
      let i = start;
      log.push('iterator()');
      return {
        next() { log.push('next'); return i < end ? { value: i++, done: false } : { value: 'ignored', done: true }; },
        return(v) { log.push('return'); return { done: true, value: v }; },
      };
    },
  };
}
const r = range(1, 4);
console.log(`spread: ${[...r].join(',')} ${r.log.join(' ')}`);
const r2 = range(1, 10);
const [a, b] = r2;
console.log(`destructuring two: ${a} ${b} ${r2.log.join(' ')}`);
const r3 = range(0, 3);
const [...all] = r3;
console.log(`rest exhausts, no return(): ${all.length} ${r3.log.join(' ')}`);
console.log(`Array.from: ${Array.from(range(5, 8), (x) => x * 2).join(',')}`);
console.log(`Map from iterable: ${new Map([[1, 'one']].values()).get(1)}`);
const arrIt = ['x', 'y'][Symbol.iterator]();
console.log(`array iterator: ${JSON.stringify(arrIt.next())} ${JSON.stringify(arrIt.next())} ${JSON.stringify(arrIt.next())}`);
console.log(`iterator prototype chain: ${Object.getPrototypeOf(Object.getPrototypeOf(arrIt)) === Object.getPrototypeOf(Object.getPrototypeOf((function* () {})()).__proto__)}`);
const strIt = 'ab'[Symbol.iterator]();
console.log(`${Object.prototype.toString.call(strIt)} ${strIt.next().value}`);
const badIterator = { [Symbol.iterator]() { return { next() { return 42; } }; } };
try { [...badIterator]; } catch (e) { console.log(`next returning non-object: ${e.name}`); }
const noNext = { [Symbol.iterator]() { return {}; } };
try { for (const x of noNext); } catch (e) { console.log(`missing next: ${e.name}`); }
const entries = [];
for (const [i, v] of ['p', 'q'].entries()) entries.push(`${i}:${v}`);
console.log(entries.join(' '));
const doneGetter = { [Symbol.iterator]() { let n = 0; return { next() { n++; return { get done() { return n > 2; }, value: n }; } }; } };
console.log(`done as getter: ${[...doneGetter].join(',')}`);
