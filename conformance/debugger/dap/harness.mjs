// What every DAP test needs: `glass --dap` started by the DebugClient of
// @vscode/debugadapter-testsupport (the test support VS Code's own adapters
// use), a program written to a fresh folder, and the launch arguments for
// it. The glass binary is $GLASS (ctest sets it); $GLASS_FLAGS are passed to
// the launched program (runtimeArgs), e.g. --gc-stress.
import { DebugClient } from '@vscode/debugadapter-testsupport';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';

export const GLASS = process.env.GLASS;
if (!GLASS) throw new Error('set GLASS to the glass binary');
export const FLAGS = (process.env.GLASS_FLAGS || '').split(' ').filter(Boolean);

// Writes `files` ({ name: text }) into a fresh folder; returns its path.
export function project(files) {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'glass-dap-')));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

// A started adapter (stdio, or a running `glass --dap=PORT` when port is
// given) and a program; `dc.args(extra)` are launch arguments for it,
// `dc.output` collects every output event's text by category.
// Clients a failed test left open are closed when the file's tests end.
const open = new Set();
after(async () => { for (const dc of open) await dc.close(); });

export async function adapter(files, { main = 'app.js', port } = {}) {
  const dir = project(files);
  // GLASS_DAP_TRACE=1 shows the adapter's CDP traffic (its stderr).
  const dc = new DebugClient(GLASS, '--dap', 'glass', undefined, Boolean(process.env.GLASS_DAP_TRACE));
  dc.defaultTimeout = FLAGS.length ? 120000 : 10000;
  await dc.start(port);
  dc.dir = dir;
  dc.program = path.join(dir, main);
  dc.file = (name) => path.join(dir, name);
  dc.args = (extra = {}) => ({ program: dc.program, cwd: dir, runtimeArgs: FLAGS, ...extra });
  dc.output = { stdout: '', stderr: '', console: '' };
  dc.on('output', (e) => { dc.output[e.body.category] = (dc.output[e.body.category] || '') + e.body.output; });
  open.add(dc);
  dc.close = async () => {
    open.delete(dc);
    await dc.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return dc;
}

// Launches and runs configuration (breakpoints set by `configure` once the
// adapter says `initialized`), then waits for the first stop; returns the
// stopped event.
export async function launchAndStop(dc, launchArgs, configure = async () => {}) {
  const stopped = dc.waitForEvent('stopped');
  await Promise.all([
    dc.waitForEvent('initialized').then(async () => {
      await configure();
      await dc.configurationDoneRequest();
    }),
    dc.launch(launchArgs),
  ]);
  return stopped;
}

// The top frame of the current stop.
export async function topFrame(dc) {
  const trace = await dc.stackTraceRequest({ threadId: 1 });
  return trace.body.stackFrames[0];
}

// A request that must fail: returns its error message.
export async function failure(promise) {
  try {
    await promise;
  } catch (e) {
    return e.message;
  }
  throw new Error('the request succeeded');
}
