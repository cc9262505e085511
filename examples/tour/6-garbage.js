// 6. Garbage becoming unreachable, and a collection stepped through.
//
// In `glass view 6-garbage.js`: at the first `debugger`, click the `big`
// array in the Heap panel: "Retained by" names the root that keeps it alive.
// Resume to the second `debugger` (`big = null`): the same array has no
// retaining path any more. Tick "Break on the next collection" and resume:
// the program stops when the heap wants to collect. Press "Step collection"
// four times — roots, mark (the marked cells turn blue), weak, sweep — and
// compare the collection's "freed" count in the history.
let big = Array.from({ length: 1000 }, (_, i) => ({ i }));
debugger;
big = null;
debugger;
const keep = [];
for (let i = 0; i < 300000; i++) {
  const o = { i };
  if (i % 10000 === 0) keep.push(o);
}
console.log('kept', keep.length);
