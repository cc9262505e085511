// The Glass domain (tools/inspector/GLASS-DOMAIN.md): each method's shape,
// asserted against what the program really did — bytecode and registers,
// instruction steps and breakpoints, the loop's queues with creation
// sites, the pool's work while paused, loop-phase breakpoints, the next
// callback, the heap graph, retaining paths, GC history, break on GC and a
// stepped collection.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { debug, sleep } from './harness.mjs';

// Pauses at the `debugger;` statement of `source` (after break on start).
async function pausedAtDebugger(source, files = {}) {
  const s = await debug({ 'app.js': source, ...files });
  await s.run();
  await s.nextPause();  // Break on start
  await s.client.Debugger.resume();
  const pause = await s.nextPause();
  assert.equal(pause.reason, 'other');
  return { s, pause };
}

test('getBytecode: the frame\'s instructions, the current pc, statement starts and the locals table', async () => {
  const { s, pause } = await pausedAtDebugger('function add(a, b) {\n  const sum = a + b;\n  debugger;\n  return sum;\n}\nadd(2, 3);\n');
  try {
    const frame = pause.callFrames[0];
    assert.equal(frame.functionName, 'add');
    assert.match(frame.glassFunctionId, /^\d+:\d+$/);
    assert.equal(typeof frame.glassPc, 'number');
    const bc = await s.client.send('Glass.getBytecode', { callFrameId: frame.callFrameId });
    assert.equal(bc.name, 'add');
    assert.equal(bc.functionId, frame.glassFunctionId);
    assert.equal(bc.parameterCount, 2);
    assert.equal(bc.currentPc, frame.glassPc);
    const current = bc.instructions[bc.currentPc];
    assert.equal(current.opcode, 'Debugger');
    assert.equal(current.lineNumber, 2);
    assert.ok(bc.instructions.some((i) => i.opcode === 'Add' && /r\d+, r\d+, r\d+/.test(i.text)));
    assert.ok(bc.instructions.filter((i) => i.isStatement).length >= 3);
    assert.deepEqual(bc.locals.map((l) => l.name).sort(), ['a', 'b', 'sum']);
    // The same function by its id.
    const again = await s.client.send('Glass.getBytecode', { functionId: frame.glassFunctionId });
    assert.deepEqual(again.instructions, bc.instructions);
    assert.equal(again.currentPc, undefined);
    await assert.rejects(s.client.send('Glass.getBytecode', { functionId: 'nope' }), /functionId/);
    await s.client.Debugger.resume();
  } finally {
    await s.close();
  }
});

test('getRegisters: named from the locals table, temporaries unnamed, TDZ bindings marked', async () => {
  const { s, pause } = await pausedAtDebugger('function f(x) {\n  debugger;\n  let later = 1;\n  return x + later;\n}\nf({ k: 1 });\n');
  try {
    const { registers } = await s.client.send('Glass.getRegisters', { callFrameId: pause.callFrames[0].callFrameId });
    const byName = Object.fromEntries(registers.filter((r) => r.name).map((r) => [r.name, r]));
    assert.equal(byName.x.value.type, 'object');
    assert.equal(byName.x.kind, 'param');
    assert.equal(byName.later.uninitialized, true);
    assert.equal(byName.later.value.description, '<uninitialized>');
    assert.deepEqual(registers.map((r) => r.index), [...registers.keys()]);
    await s.client.Debugger.resume();
  } finally {
    await s.close();
  }
});

test('stepInstruction moves one instruction at a time; setInstructionBreakpoint stops at a pc inside a statement', async () => {
  const { s, pause } = await pausedAtDebugger('function f(a) {\n  debugger;\n  const y = a * 2 + 1;\n  return y;\n}\nf(20);\nf(30);\n');
  try {
    const frame = pause.callFrames[0];
    await s.client.send('Glass.stepInstruction');
    const p1 = await s.nextPause();
    assert.equal(p1.data.glass, 'instruction');
    assert.equal(p1.callFrames[0].glassPc, frame.glassPc + 1);
    await s.client.send('Glass.stepInstruction');
    const p2 = await s.nextPause();
    assert.equal(p2.callFrames[0].glassPc, frame.glassPc + 2);
    // A breakpoint at the instruction after the Mul (not a statement start).
    const bc = await s.client.send('Glass.getBytecode', { callFrameId: p2.callFrames[0].callFrameId });
    const mul = bc.instructions.find((i) => i.opcode.startsWith('Mul'));
    assert.ok(mul, 'a Mul instruction');
    const target = bc.instructions[mul.pc + 1];
    assert.equal(target.isStatement, false);
    const bp = await s.client.send('Glass.setInstructionBreakpoint', { functionId: bc.functionId, pc: target.pc });
    assert.equal(bp.actualLocation.lineNumber, 2);
    await s.client.Debugger.resume();
    const hit = await s.nextPause();
    assert.deepEqual(hit.hitBreakpoints, [bp.breakpointId]);
    assert.equal(hit.callFrames[0].glassPc, target.pc);
    await s.client.Debugger.resume();  // f(30) reaches debugger; then the breakpoint again
    await s.nextPause();
    // Bad input: a pc past the function's end, a pc that is not a number, a function that does not exist.
    await assert.rejects(s.client.send('Glass.setInstructionBreakpoint', { functionId: bc.functionId, pc: 99999 }), /out of range/);
    await assert.rejects(s.client.send('Glass.setInstructionBreakpoint', { functionId: bc.functionId, pc: 'x' }), /must be a number/);
    await assert.rejects(s.client.send('Glass.setInstructionBreakpoint', { functionId: '999:0', pc: 0 }), /No function/);
    await s.client.Debugger.removeBreakpoint({ breakpointId: bp.breakpointId });
    await s.client.Debugger.resume();
    await s.finish();
  } finally {
    await s.close();
  }
});

test('getQueues: timers by due time, an immediate, nextTicks and promise jobs, each with the line that made it', async () => {
  const source = [
    'setTimeout(function late() {}, 500);',        // line 1
    'setTimeout(function soon() {}, 5);',          // line 2
    'setImmediate(function check() {});',          // line 3
    'process.nextTick(function tick() {});',       // line 4
    'Promise.resolve(1).then(function job() {});', // line 5
    'debugger;',                                   // line 6
  ].join('\n') + '\n';
  const { s } = await pausedAtDebugger(source);
  try {
    const q = await s.client.send('Glass.getQueues');
    assert.equal(typeof q.phase, 'string');
    assert.deepEqual(q.timers.map((t) => t.function), ['soon', 'late']);
    assert.deepEqual(q.timers.map((t) => t.createdAt.lineNumber), [1, 0]);
    assert.ok(q.timers[0].dueInMs <= 5 && q.timers[1].dueInMs > 100);
    assert.equal(q.timers[0].createdAt.url, 'file://' + s.dir + '/app.js');
    assert.deepEqual(q.immediates.map((i) => [i.function, i.createdAt.lineNumber]), [['check', 2]]);
    assert.deepEqual(q.nextTicks.map((i) => [i.function, i.createdAt.lineNumber]), [['tick', 3]]);
    assert.equal(q.microtasks.length, 1);
    assert.equal(q.microtasks[0].createdAt.lineNumber, 4);
    assert.deepEqual(q.pending, []);
    assert.deepEqual(q.closing, []);
    await s.client.Debugger.resume();
  } finally {
    await s.close();
  }
});

test('getThreadPool: a read stays "done" (not dispatched) while JS is paused, then is dispatched', async () => {
  const source = [
    "const fs = require('fs');",
    'fs.readFile(__filename, function read() { debugger; });',
    'const until = Date.now() + 300; while (Date.now() < until) {}',
    'debugger;',
  ].join('\n') + '\n';
  const { s } = await pausedAtDebugger(source);
  try {
    let pool;
    for (let i = 0; i < 100; i++) {  // the read finishes on its thread while we are paused
      pool = await s.client.send('Glass.getThreadPool');
      if (pool.work.some((w) => w.state === 'done')) break;
      await sleep(20);
    }
    assert.ok(pool.threads.length >= 1);
    const read = pool.work.find((w) => w.description.includes('readFile'));
    assert.equal(read.state, 'done');
    assert.equal(read.createdAt.lineNumber, 1);
    const q = await s.client.send('Glass.getQueues');
    assert.ok(q.pending.some((p) => p.description.includes('readFile') && p.createdAt.lineNumber === 1));
    await s.client.Debugger.resume();
    const inCallback = await s.nextPause();
    assert.equal(inCallback.callFrames[0].functionName, 'read');
    const after = await s.client.send('Glass.getThreadPool');
    assert.equal(after.work.find((w) => w.id === read.id).state, 'dispatched');
    await s.client.Debugger.resume();
  } finally {
    await s.close();
  }
});

test('setLoopPhaseBreakpoint: pauses in the check phase\'s callback; runToNextCallback stops in the next one', async () => {
  const source = [
    'setImmediate(function first() { setTimeout(function second() { console.log(2); }, 0); });',
    'debugger;',
  ].join('\n') + '\n';
  const { s } = await pausedAtDebugger(source);
  try {
    await assert.rejects(s.client.send('Glass.setLoopPhaseBreakpoint', { phase: 'lunch' }), /phase/);
    await s.client.send('Glass.setLoopPhaseBreakpoint', { phase: 'check', enabled: true });
    await s.client.Debugger.resume();
    const p = await s.nextPause();
    assert.equal(p.reason, 'instrumentation');
    assert.deepEqual(p.data, { glass: 'loopPhase', phase: 'check' });
    assert.equal(p.callFrames[0].functionName, 'first');
    assert.equal((await s.client.send('Glass.getQueues')).phase, 'check');
    await s.client.send('Glass.setLoopPhaseBreakpoint', { phase: 'check', enabled: false });
    await s.client.send('Glass.runToNextCallback');
    const next = await s.nextPause();
    assert.equal(next.data.glass, 'callback');
    assert.equal(next.callFrames[0].functionName, 'second');
    await s.client.Debugger.resume();
    await s.finish();
  } finally {
    await s.close();
  }
});

test('getHeapGraph: a frame\'s object tree with sizes and named edges; getRetainingPath names the root', async () => {
  const source = 'function f() {\n  const tree = { left: { leaf: [1, 2] }, right: { leaf: "x" } };\n  debugger;\n  return tree;\n}\nglobalThis.kept = f();\n';
  const { s, pause } = await pausedAtDebugger(source);
  try {
    const g = await s.client.send('Glass.getHeapGraph', { callFrameId: pause.callFrames[0].callFrameId, depth: 3, limit: 100 });
    const names = new Set(g.edges.map((e) => e.name));
    for (const n of ['left', 'right', 'leaf']) assert.ok(names.has(n), n);
    const byId = new Map(g.nodes.map((n) => [n.id, n]));
    const left = g.edges.find((e) => e.name === 'left');
    assert.equal(byId.get(left.to).kind, 'Object');
    const arr = g.edges.find((e) => e.name === 'leaf' && byId.get(e.to).kind === 'Array');
    assert.ok(arr);
    for (const n of g.nodes) assert.ok(n.size >= 16, `${n.kind} has a size`);
    assert.ok(g.totals.some((t) => t.kind === 'Object' && t.count > 0 && t.bytes > 0));
    const path = await s.client.send('Glass.getRetainingPath', { nodeId: arr.to });
    assert.equal(path.reachable, true);
    assert.match(path.path[0].root, /vm frames|vm registers/);
    assert.equal(path.path.at(-1).node.id, arr.to);
    assert.equal(path.path.at(-1).edge, 'leaf');
    // From an objectId too, and the graph stays bounded.
    const small = await s.client.send('Glass.getHeapGraph', { objectId: byId.get(left.to).objectId, depth: 8, limit: 3 });
    assert.equal(small.nodes.length, 3);
    assert.equal(small.truncated, true);
    await assert.rejects(s.client.send('Glass.getHeapGraph', {}), /nodeId, objectId or callFrameId/);
    await assert.rejects(s.client.send('Glass.getHeapGraph', { nodeId: 123456 }), /No node/);
    await assert.rejects(s.client.send('Glass.getRetainingPath', { nodeId: 123456 }), /No such node/);
    await s.client.Debugger.resume();
  } finally {
    await s.close();
  }
});

test('break on GC, then a stepped collection: roots, mark, weak, sweep; garbage goes; only reading is allowed meanwhile', async () => {
  const source = 'let keep = [];\nfor (let i = 0; i < 200000; i++) { const o = { i }; if (i % 1000 === 0) keep.push(o); }\nconsole.log(keep.length);\n';
  const s = await debug({ 'app.js': source });
  try {
    await s.run();
    await s.nextPause();
    await s.client.send('Glass.setBreakOnGc', { enabled: true });
    await s.client.Debugger.resume();
    const before = await s.nextPause();
    assert.equal(before.reason, 'instrumentation');
    assert.deepEqual(before.data, { glass: 'gc', phase: 'before' });
    const history = (await s.client.send('Glass.getGcHistory')).collections.length;
    const phases = [];
    await s.client.send('Glass.stepCollection');
    for (;;) {
      const p = await s.nextPause();
      assert.equal(p.data.glass, 'gc');
      phases.push(p.data.phase);
      if (p.data.phase === 'mark') {
        assert.ok(p.data.marked > 0);
        await assert.rejects(s.client.Runtime.evaluate({ expression: '1 + 1' }), /not available while a collection/);
        const graph = await s.client.send('Glass.getHeapGraph', { callFrameId: p.callFrames[0].callFrameId });
        assert.ok(graph.nodes.every((n) => n.marked === true), 'what the frame reaches is marked');
      }
      if (p.data.phase === 'sweep') break;
      await s.client.send('Glass.stepCollection');
    }
    assert.deepEqual(phases, ['roots', 'mark', 'weak', 'sweep']);
    await assert.rejects(s.client.send('Glass.setBreakOnGc', { enabled: false }), /not available while a collection/);
    await s.client.send('Glass.stepCollection');  // leaves the last phase: the collection is over
    const done = await s.nextPause();
    assert.deepEqual(done.data, { glass: 'gc', phase: 'done' });
    await s.client.send('Glass.setBreakOnGc', { enabled: false });
    // The collection is over: evaluating (which allocates) is allowed again.
    const r = await s.client.Debugger.evaluateOnCallFrame({ callFrameId: done.callFrames[0].callFrameId, expression: 'Array.isArray(keep)' });
    assert.equal(r.result.value, true);
    const h = await s.client.send('Glass.getGcHistory');
    assert.equal(h.collections.length, history + 1);
    const last = h.collections.at(-1);
    assert.equal(last.reason, 'debugger');
    assert.ok(last.cellsFreed > 0 && last.bytesAfter < last.bytesBefore);
    assert.equal(typeof h.liveBytes, 'number');
    await s.client.Debugger.resume();
    await s.finish();
    assert.equal(s.target.stdout, '200\n');
  } finally {
    await s.close();
  }
});

test('the Glass domain while running: stepping requests are refused; the page and its files are served, anything else is a 404', async () => {
  const s = await debug({ 'app.js': 'setTimeout(() => {}, 400);\n' });
  try {
    await s.run();
    await s.nextPause();
    await s.client.Debugger.resume();
    for (const method of ['Glass.stepInstruction', 'Glass.runToNextCallback', 'Glass.stepCollection'])
      await assert.rejects(s.client.send(method), /while paused/);
    const base = `http://127.0.0.1:${s.target.port}`;
    const page = await fetch(`${base}/view/`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type'), /text\/html/);
    assert.match(await page.text(), /<script src="view.js">/);
    assert.match((await fetch(`${base}/view/view.js`)).headers.get('content-type'), /javascript/);
    assert.equal((await fetch(`${base}/view/nope.js`)).status, 404);
    const redirect = await fetch(`${base}/view`, { redirect: 'manual' });
    assert.equal(redirect.status, 301);
    assert.equal(redirect.headers.get('location'), '/view/');
    await s.finish();
  } finally {
    await s.close();
  }
});
