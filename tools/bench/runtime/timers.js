// 10,000 callbacks in one chain, alternating setTimeout(0) and setImmediate:
// each callback schedules the next, so every one is a turn of the event loop.
const N = 10000;
const start = process.hrtime.bigint();
let n = 0;
function step() {
  if (++n === N) {
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    console.log(`callbacks ${n}`);
    console.log(`elapsed ${ms.toFixed(1)}`);
    return;
  }
  if (n % 2) setImmediate(step);
  else setTimeout(step, 0);
}
step();
