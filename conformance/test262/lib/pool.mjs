// Running many short engine processes at once.
//
// Each test is one or more `glass` processes; spawning them is most of the
// cost of a run, so a fixed number of them run concurrently (one per core by
// default) and a new one starts as soon as one ends. The pool is generic: it
// takes jobs and an async function that runs one, so the parse mode and the
// later execution mode share it.
import { spawn } from 'node:child_process';

// Output past this many bytes is dropped: a runner only needs the first lines
// of stderr, and a runaway test must not fill the runner's memory.
const OUTPUT_CAP = 64 * 1024;

// Runs one process. Resolves (never rejects) with
// { code, signal, timedOut, stdout, stderr, ms, spawnError }.
export function runProcess(command, args, { timeoutMs = 10000, cwd } = {}) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let child;
    try {
      child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      resolve({ code: null, signal: null, timedOut: false, stdout, stderr, ms: 0, spawnError: e.message });
      return;
    }
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (d) => { if (stdout.length < OUTPUT_CAP) stdout += d; });
    child.stderr.on('data', (d) => { if (stderr.length < OUTPUT_CAP) stderr += d; });
    let spawnError = null;
    child.on('error', (e) => { spawnError = e.message; });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      resolve({ code, signal, timedOut, stdout, stderr, ms, spawnError });
    });
  });
}

// Runs `worker(job)` for every job with at most `concurrency` in flight.
// `onDone(job, result, doneCount)` is called as each finishes. Resolves with
// the results in job order.
export async function runPool(jobs, concurrency, worker, onDone = () => {}) {
  const results = new Array(jobs.length);
  let next = 0;
  let done = 0;
  async function lane() {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await worker(jobs[i]);
      done++;
      onDone(jobs[i], results[i], done);
    }
  }
  const lanes = [];
  for (let k = 0; k < Math.max(1, Math.min(concurrency, jobs.length)); k++) lanes.push(lane());
  await Promise.all(lanes);
  return results;
}
