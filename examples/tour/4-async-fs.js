// 4. An async function awaiting a file read on the thread pool.
//
// In `glass view 4-async-fs.js`: resume to the busy loop's `debugger`. The
// Thread pool panel shows the read as "done, not dispatched": a pool thread
// finished it while JS was busy, and its completion waits in the loop's
// pending queue — nothing runs on the JS thread until the stack is empty.
// Resume: the poll phase dispatches it, `load` resumes after its await, and
// the Call stack shows the await chain (load, awaited by main).
const fs = require('fs/promises');

async function load() {
  const text = await fs.readFile(__filename, 'utf8');
  debugger;
  return text.split('\n').length;
}

async function main() {
  const pending = load();
  const until = Date.now() + 200;
  while (Date.now() < until) {}  // busy: the read finishes meanwhile
  debugger;
  console.log('lines:', await pending);
}
main();
