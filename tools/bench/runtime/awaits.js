// 100,000 awaits of resolved promises in one async function: promise jobs
// only, no I/O (so the fair peer is an interpreter: node --jitless).
const N = 100000;
async function main() {
  const start = process.hrtime.bigint();
  let sum = 0;
  for (let i = 0; i < N; i++) sum += await Promise.resolve(i);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(`sum ${sum}`);
  console.log(`elapsed ${ms.toFixed(1)}`);
}
main();
