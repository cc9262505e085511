// for-of over arrays, strings, Maps, Sets, arguments, generators; break closes iterators.
const out = [];
for (const v of [1, 2, 3]) out.push(v);
for (const ch of 'hi') out.push(ch);
for (const [k, v] of new Map([['a', 1], ['b', 2]])) out.push(`${k}${v}`);
for (const v of new Set([1, 1, 2])) out.push(`s${v}`);
console.log(out.join(' '));
const arr = [1, 2];
let iterations = 0;
for (const v of arr) { if (arr.length < 5) arr.push(v * 10); iterations++; }
console.log(`array growing during iteration: ${iterations} ${arr.join(',')}`);
let closed = false;
const iterable = {
  [Symbol.iterator]() {
    let i = 0;
    return { next: () => ({ value: i++, done: i > 10 }), return() { closed = true; return {}; } };
  },
};
for (const v of iterable) if (v === 2) break;
console.log(`break calls return(): ${closed}`);
closed = false;
try { for (const v of iterable) throw new Error('inside'); } catch (e) { console.log(`throw calls return(): ${closed} ${e.message}`); }
closed = false;
outer: for (const a of [1, 2]) { for (const v of iterable) continue outer; }
console.log(`labelled continue calls return(): ${closed}`);
function* gen() { yield 'g1'; yield 'g2'; }
for (const v of gen()) console.log(v);
let holes = '';
for (const v of [, 'x', ,]) holes += String(v) + ';';
console.log(`holes: ${holes}`);
try { for (const v of {}) {} } catch (e) { console.log(`plain object: ${e.name}`); }
let letTarget;
for (letTarget of ['last']);
console.log(letTarget);
