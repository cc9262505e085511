// 5. Objects, shapes and inline caches.
//
// In `glass view 5-shapes.js`: at the `debugger`, open Bytecode: `p.x` is a
// GetNamed instruction with an inline cache slot (icN). Objects made the same
// way share one Shape (the Heap panel: both points' "shape" edges reach the
// same Shape cell); `odd` got its properties in another order, so it has a
// different shape, and the access site in `norm` now sees two shapes.
function norm(p) {
  return Math.sqrt(p.x * p.x + p.y * p.y);
}
const a = { x: 3, y: 4 };
const b = { x: 6, y: 8 };
const odd = { y: 1, x: 1 };
let sum = norm(a) + norm(b);
debugger;
sum += norm(odd);
console.log(sum.toFixed(3));
