// yield*: delegating to generators, iterables, return values, and forwarding next/throw/return.
function* inner() { const got = yield 'inner 1'; console.log(`inner received ${got}`); yield 'inner 2'; return 'inner result'; }
function* outer() { yield 'outer start'; const r = yield* inner(); yield `outer got ${r}`; yield* ['array', 'items']; yield* 'ab'; }
const g = outer();
const seen = [];
let step = g.next();
while (!step.done) { seen.push(step.value); step = g.next(`sent ${seen.length}`); }
console.log(seen.join(' | '));
function* catcher() { try { yield 1; } catch (e) { yield `inner caught ${e}`; } }
function* wrapper() { yield* catcher(); yield 'after delegation'; }
const w = wrapper();
w.next();
console.log(w.throw('boom').value);
console.log(w.next().value);
let closed = false;
const iterable = { [Symbol.iterator]() { return { next: () => ({ value: 'v', done: false }), return() { closed = true; return { done: true, value: 'ret' }; } }; } };
function* delegateToIterable() { yield* iterable; }
const d = delegateToIterable();
d.next();
console.log(`return forwarded: ${JSON.stringify(d.return('early'))} closed=${closed}`);
function* recursiveTree(node) { if (!node) return; yield* recursiveTree(node.left); yield node.value; yield* recursiveTree(node.right); }
const tree = { value: 2, left: { value: 1 }, right: { value: 3, right: { value: 4 } } };
console.log(`in-order: ${[...recursiveTree(tree)].join(',')}`);
