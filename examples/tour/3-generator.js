// 3. A generator: a frame that leaves the stack and comes back.
//
// In `glass view 3-generator.js`: step into `gen.next()` three times. Each
// time the generator's frame is pushed back on the Call stack with its
// registers restored (look at `i` in Registers), and each `yield` pops it
// off again: the frame lives in the Generator object in between (find it in
// the Heap panel).
function* countdown(n) {
  for (let i = n; i > 0; i--) yield i;
  return 'liftoff';
}
const gen = countdown(3);
console.log(gen.next().value);
console.log(gen.next().value);
console.log(gen.next().value);
console.log(gen.next().value);
