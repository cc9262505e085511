// What every protocol test needs: a glass program started with --inspect-brk
// (or --inspect) on a free port, and a chrome-remote-interface client
// attached to it. The glass binary is $GLASS (ctest sets it).
import CDP from 'chrome-remote-interface';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';

export const GLASS = process.env.GLASS;
if (!GLASS) throw new Error('set GLASS to the glass binary');
// More glass options for every program (ctest runs one file with --gc-stress).
const FLAGS = (process.env.GLASS_FLAGS || '').split(' ').filter(Boolean);

// Every program and client started, so that a test that fails before its
// own cleanup leaves nothing running (the file's process would wait on them).
const live = { children: new Set(), clients: new Set() };
after(async () => {
  for (const c of live.clients) { try { await c.close(); } catch {} }
  for (const child of live.children) child.kill('SIGKILL');
});

// Writes `files` ({ name: text }) into a fresh folder; returns its path.
export function project(files) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glass-cdp-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

// Starts `glass <flag> main` in dir and waits for "Debugger listening on ws://...".
export function start(dir, main = 'app.js', flag = '--inspect-brk=127.0.0.1:0') {
  return new Promise((resolve, reject) => {
    const child = spawn(GLASS, [flag, ...FLAGS, main], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    const target = { child, stdout: '', stderr: '', exited: null };
    live.children.add(child);
    child.on('exit', () => live.children.delete(child));
    target.exit = new Promise((r) => child.on('exit', (code, signal) => { target.exited = { code, signal }; r(target.exited); }));
    child.stdout.on('data', (d) => { target.stdout += d; });
    child.stderr.on('data', (d) => {
      target.stderr += d;
      // (The line must be whole: stderr may arrive in pieces, mid-id.)
      const m = /ws:\/\/127\.0\.0\.1:(\d+)\/([0-9a-f-]+)\s/.exec(target.stderr);
      if (m && !target.port) {
        target.port = Number(m[1]);
        target.id = m[2];
        resolve(target);
      }
    });
    target.exit.then(() => reject(new Error(`glass ended before listening: ${target.stderr}`)));
  });
}

// A program started with --inspect-brk and a client attached, Runtime and
// Debugger enabled; the program has not started yet (call run()).
export async function debug(files, main = 'app.js') {
  const dir = project(files);
  const target = await start(dir, main);
  const client = await CDP({ port: target.port });
  live.clients.add(client);
  client.on('disconnect', () => live.clients.delete(client));
  const session = { dir, target, client, scripts: [], paused: [], console: [] };
  client.Debugger.scriptParsed((s) => session.scripts.push(s));
  client.Debugger.paused((p) => session.paused.push(p));
  client.Runtime.consoleAPICalled((e) => session.console.push(e));
  session.ended = new Promise((r) => client.Runtime.executionContextDestroyed(() => r()));
  await client.Runtime.enable();
  await client.Debugger.enable();
  session.run = () => client.Runtime.runIfWaitingForDebugger();
  // The next Debugger.paused event (or the one already waiting).
  session.nextPause = async (timeout = 10000) => {
    const started = Date.now();
    while (!session.paused.length) {
      if (Date.now() - started > timeout * (FLAGS.length ? 20 : 1)) throw new Error('no pause within ' + timeout + ' ms');
      if (target.exited) throw new Error('the program ended: ' + target.stderr);
      await new Promise((r) => setTimeout(r, 10));
    }
    return session.paused.shift();
  };
  // The program ran to its end: it says so (executionContextDestroyed) and
  // waits for the client to go, as Node does; go, and return how it exited.
  session.finish = async () => {
    await Promise.race([session.ended, target.exit]);
    try { await client.close(); } catch {}
    return target.exit;
  };
  session.close = async () => {
    try { await client.close(); } catch {}
    await Promise.race([target.exit, new Promise((r) => setTimeout(r, 5000))]);
    if (!target.exited) target.child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return session;
}

// Every property of a scope object, name -> RemoteObject.
export async function scopeVariables(client, scope) {
  const { result } = await client.Runtime.getProperties({ objectId: scope.object.objectId });
  return Object.fromEntries(result.map((p) => [p.name, p.value]));
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
