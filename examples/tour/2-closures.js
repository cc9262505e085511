// 2. Closures and scopes: where a captured variable lives.
//
// In `glass view 2-closures.js`: resume to the `debugger` statement. The
// Scopes panel shows `count` under "closure (makeCounter)", not "local":
// it outlived makeCounter's frame because it lives in a heap scope. In the
// Heap panel, click the Function node and follow its [[Scope]] edge to the
// Scope cell holding `count`. The Registers panel shows what stayed in
// registers (`step`) and what did not.
function makeCounter(step) {
  let count = 0;
  return function next() {
    count += step;
    debugger;
    return count;
  };
}
const tick = makeCounter(2);
tick();
console.log(tick());
