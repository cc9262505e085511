// The program while it runs and while it is paused: pausing a busy loop and
// an idle event loop, timers keeping their due times, no callback running
// while paused, the thread pool going on, async stack traces, --inspect
// without waiting, and stepping over await.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import CDP from 'chrome-remote-interface';

import { debug, project, start, sleep } from './harness.mjs';

test('Debugger.pause stops a busy loop, and the paused frame can be read', async () => {
  const s = await debug({ 'app.js': 'let spins = 0;\nwhile (spins >= 0) spins++;\n' });
  try {
    await s.run();
    await s.nextPause();
    await s.client.Debugger.resume();
    await sleep(200);
    await s.client.Debugger.pause();
    const pause = await s.nextPause();
    assert.equal(pause.reason, 'other');
    assert.equal(pause.callFrames[0].location.lineNumber, 1);
    const spins = await s.client.Debugger.evaluateOnCallFrame({ callFrameId: pause.callFrames[0].callFrameId, expression: 'spins' });
    assert.ok(spins.result.value > 0);
    await s.client.Debugger.evaluateOnCallFrame({ callFrameId: pause.callFrames[0].callFrameId, expression: 'spins = -10' });
    await s.client.Debugger.resume();
    await s.finish();
  } finally {
    await s.close();
  }
});

test('pausing an idle program waiting for a timer: it stops in the timer, on time; nothing runs while paused', async () => {
  const s = await debug({
    'app.js': [
      'const started = Date.now();',
      'let ticks = 0;',
      'const h = setInterval(() => { ticks++; console.log("tick", ticks); if (ticks === 3) clearInterval(h); }, 50);',
      'setTimeout(function due() {',
      '  console.log("due after", Date.now() - started >= 150);',
      '}, 150);',
      'console.log("idle now");',
      '',
    ].join('\n'),
  });
  try {
    await s.run();
    await s.nextPause();
    await s.client.Debugger.resume();
    while (!s.console.length) await sleep(5);  // "idle now": the main script is done
    await s.client.Debugger.pause();  // idle: the next JavaScript to run stops
    const pause = await s.nextPause();
    assert.equal(pause.callFrames[0].location.lineNumber, 2);  // in the interval's callback
    const during = s.console.length;
    await sleep(300);  // timers come due meanwhile; none of their callbacks may run
    assert.equal(s.console.length, during);
    await s.client.Debugger.resume();
    await s.finish();
    const lines = s.console.map((e) => e.args.map((a) => a.value).join(' '));
    // The timeout came due during the pause: it keeps its due time (never
    // early), and runs among the ticks by due time.
    assert.deepEqual(lines.filter((l) => l.startsWith('tick')), ['tick 1', 'tick 2', 'tick 3']);
    assert.ok(lines.includes('due after true'));
    assert.equal(lines[0], 'idle now');
  } finally {
    await s.close();
  }
});

test('the thread pool keeps working while the program is paused; its completions wait', async () => {
  const s = await debug({
    'app.js': [
      'const fs = require("fs");',
      'fs.readFile(__filename, "utf8", (err, text) => console.log("read", text.length > 0));',
      'debugger;',
      'console.log("after debugger");',
      '',
    ].join('\n'),
  });
  try {
    await s.run();
    await s.nextPause();
    await s.client.Debugger.resume();
    await s.nextPause();  // at debugger; the read was submitted just before
    await sleep(200);     // it completes on a pool thread meanwhile
    assert.equal(s.console.length, 0);  // but its callback waits in the loop's queue
    await s.client.Debugger.resume();
    await s.finish();
    assert.deepEqual(s.console.map((e) => e.args[0].value), ['after debugger', 'read']);
  } finally {
    await s.close();
  }
});

test('asyncStackTrace when asked for (setAsyncCallStackDepth), and none when not', async () => {
  const files = {
    'app.js': [
      'async function inner() { await null; debugger; }',
      'async function outer() { await inner(); }',
      'outer();',
      '',
    ].join('\n'),
  };
  for (const depth of [0, 8]) {
    const s = await debug(files);
    try {
      await s.client.Debugger.setAsyncCallStackDepth({ maxDepth: depth });
      await s.run();
      await s.nextPause();
      await s.client.Debugger.resume();
      const pause = await s.nextPause();
      if (depth === 0) {
        assert.equal(pause.asyncStackTrace, undefined);
      } else {
        assert.equal(pause.asyncStackTrace.description, 'await');
        assert.deepEqual(pause.asyncStackTrace.callFrames.map((f) => [f.functionName, f.lineNumber]), [['outer', 1]]);
      }
      await s.client.Debugger.resume();
      await s.finish();
    } finally {
      await s.close();
    }
  }
});

test('stepping over an await lands on the next line of the same async function, not in other code', async () => {
  const s = await debug({
    'app.js': [
      'async function worker(name) {',
      '  debugger;',
      '  await new Promise((r) => setTimeout(r, 20));',
      '  const after = name + " resumed";',
      '  return after;',
      '}',
      'worker("a");',
      'setTimeout(function other() { const x = 1; return x; }, 5);',
      '',
    ].join('\n'),
  });
  try {
    await s.run();
    await s.nextPause();
    await s.client.Debugger.resume();
    assert.equal((await s.nextPause()).callFrames[0].location.lineNumber, 1);
    await s.client.Debugger.stepOver();
    assert.equal((await s.nextPause()).callFrames[0].location.lineNumber, 2);
    await s.client.Debugger.stepOver();
    const resumed = await s.nextPause();
    assert.equal(resumed.callFrames[0].functionName, 'worker');
    assert.equal(resumed.callFrames[0].location.lineNumber, 3);
    await s.client.Debugger.resume();
    await s.finish();
  } finally {
    await s.close();
  }
});

test('--inspect runs at once; a client attaching later can set a breakpoint and stop the program', async () => {
  const dir = project({
    'app.js': 'let n = 0;\nconst h = setInterval(() => {\n  n++;\n  if (n > 100) clearInterval(h);\n}, 20);\n',
  });
  const target = await start(dir, 'app.js', '--inspect=127.0.0.1:0');
  const client = await CDP({ port: target.port });
  try {
    // (The client may attach while the runtime still starts: the breakpoint
    // resolves once app.js is parsed, so wait for it as a real client would.)
    const parsed = new Promise((r) => client.Debugger.scriptParsed((e) => { if (e.url.endsWith('/app.js')) r(); }));
    await client.Debugger.enable();
    await parsed;
    const { breakpointId, locations } = await client.Debugger.setBreakpointByUrl({ url: 'file://' + dir + '/app.js', lineNumber: 2 });
    assert.equal(locations.length, 1);
    const pause = await new Promise((r) => client.Debugger.paused(r));
    assert.deepEqual(pause.hitBreakpoints, [breakpointId]);
    await client.Debugger.evaluateOnCallFrame({ callFrameId: pause.callFrames[0].callFrameId, expression: 'n = 1000' });
    await client.Debugger.removeBreakpoint({ breakpointId });
    await client.Debugger.resume();
    await client.close();
    const exit = await target.exit;
    assert.equal(exit.code, 0);
  } finally {
    target.child.kill('SIGKILL');
  }
});
