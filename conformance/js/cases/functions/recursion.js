// Ordinary recursion, mutual recursion, and a runaway recursion that must throw
// RangeError instead of crashing.
function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); }
console.log(`fact(20) = ${fact(20)}`);
function isEven(n) { return n === 0 ? true : isOdd(n - 1); }
function isOdd(n) { return n === 0 ? false : isEven(n - 1); }
console.log(`isEven(1000) = ${isEven(1000)}`);
function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1); }
console.log(`depth(5000) = ${depth(5000)}`);
function runaway(n) { return n >= 1000000 ? n : runaway(n + 1) + 1; }
try {
  console.log(`finished: ${runaway(0)}`);
} catch (e) {
  console.log(`${e instanceof RangeError} ${e.message}`);
}
// The engine must still work after the overflow.
console.log(`after overflow: ${fact(5)}`);
let caught = 0;
function overflowInTry() { try { return overflowInTry(); } catch (e) { caught++; throw e; } }
try { overflowInTry(); } catch (e) { console.log(`rethrown through frames: ${e instanceof RangeError} ${caught > 0}`); }
