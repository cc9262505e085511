// Stepping by statement (next, stepIn, stepOut) and by instruction
// (granularity "instruction": Glass.stepInstruction), instruction pointers
// in the stack, disassemble (Glass.getBytecode) and instruction breakpoints.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { adapter, failure, launchAndStop, topFrame } from './harness.mjs';

const APP = [
  'function add(a, b) {',   // 1
  '  const sum = a + b;',   // 2
  '  return sum;',          // 3
  '}',                      // 4
  'const x = add(1, 2);',   // 5
  'const y = x * 10;',      // 6
  'console.log(y);',        // 7
  '',
].join('\n');

async function step(dc, request, args = {}) {
  const stopped = dc.waitForEvent('stopped');
  await dc[request]({ threadId: 1, ...args });
  const event = await stopped;
  return { reason: event.body.reason, frame: await topFrame(dc) };
}

test('next, stepIn and stepOut stop with reason step where they should', async () => {
  const dc = await adapter({ 'app.js': APP });
  await launchAndStop(dc, dc.args(), async () => {
    await dc.setBreakpointsRequest({ source: { path: dc.program }, breakpoints: [{ line: 5 }] });
  });
  let s = await step(dc, 'stepInRequest');
  assert.deepEqual([s.reason, s.frame.name, s.frame.line], ['step', 'add', 2]);
  const stack = await dc.stackTraceRequest({ threadId: 1 });
  assert.deepEqual(stack.body.stackFrames.slice(0, 2).map((f) => [f.name, f.line]), [['add', 2], [stack.body.stackFrames[1].name, 5]]);
  s = await step(dc, 'nextRequest');
  assert.deepEqual([s.frame.name, s.frame.line], ['add', 3]);
  // Out: glass stops at the caller's next statement (the CDP server's stepOut).
  s = await step(dc, 'stepOutRequest');
  assert.equal(s.reason, 'step');
  assert.equal(s.frame.line, 6);
  assert.equal((await dc.evaluateRequest({ expression: 'x', frameId: s.frame.id })).body.result, '3');
  s = await step(dc, 'nextRequest');
  assert.equal(s.frame.line, 7);
  await dc.close();
});

test('stepping while the program runs is an error response', async () => {
  const dc = await adapter({ 'app.js': 'setInterval(() => {}, 1000);\n' });
  await Promise.all([dc.configurationSequence(), dc.launch(dc.args())]);
  assert.match(await failure(dc.nextRequest({ threadId: 1 })), /running/);
  assert.match(await failure(dc.stackTraceRequest({ threadId: 1 })), /running/);
  await dc.close();
});

test('granularity "instruction": steps one bytecode instruction; the stack has instruction pointers', async () => {
  const dc = await adapter({ 'app.js': APP });
  await launchAndStop(dc, dc.args(), async () => {
    await dc.setBreakpointsRequest({ source: { path: dc.program }, breakpoints: [{ line: 6 }] });
  });
  const before = await topFrame(dc);
  assert.match(before.instructionPointerReference, /^0x[0-9a-f]+$/);
  const s = await step(dc, 'nextRequest', { granularity: 'instruction' });
  assert.equal(s.reason, 'step');
  assert.equal(s.frame.line, 6);  // `x * 10` is more than one instruction
  assert.equal(BigInt(s.frame.instructionPointerReference), BigInt(before.instructionPointerReference) + 1n);
  const s2 = await step(dc, 'stepInRequest', { granularity: 'instruction' });
  assert.ok(BigInt(s2.frame.instructionPointerReference) > BigInt(s.frame.instructionPointerReference));
  assert.match(await failure(dc.nextRequest({ threadId: 1, granularity: 'byte' })), /granularity/);
  await dc.close();
});

test('disassemble lists the bytecode around an instruction pointer', async () => {
  const dc = await adapter({ 'app.js': APP });
  await launchAndStop(dc, dc.args(), async () => {
    await dc.setBreakpointsRequest({ source: { path: dc.program }, breakpoints: [{ line: 2 }] });
  });
  const frame = await topFrame(dc);
  const ip = BigInt(frame.instructionPointerReference);
  const r = await dc.disassembleRequest({ memoryReference: frame.instructionPointerReference, instructionOffset: -2, instructionCount: 40 });
  const list = r.body.instructions;
  assert.equal(list.length, 40);
  // The function's first instruction is named after it; the current one is at offset 2 unless add starts there.
  const current = list.find((i) => BigInt(i.address) === ip);
  assert.ok(current, 'the current instruction is listed');
  assert.equal(current.line, 2);
  assert.ok(current.instruction.length > 0);
  assert.ok(list.some((i) => i.symbol === 'add'));
  assert.ok(list.some((i) => i.presentationHint === 'invalid'), 'past the function: invalid padding');
  assert.match(await failure(dc.disassembleRequest({ memoryReference: 'main', instructionCount: 1 })), /not an instruction reference/);
  assert.match(await failure(dc.disassembleRequest({ memoryReference: frame.instructionPointerReference })), /instructionCount/);
  assert.match(await failure(dc.disassembleRequest({ memoryReference: frame.instructionPointerReference, instructionOffset: 2 ** 60, instructionCount: 1 })), /out of range/);
  const far = await dc.customRequest('setInstructionBreakpoints', { breakpoints: [{ instructionReference: frame.instructionPointerReference, offset: 2 ** 60 }] });
  assert.equal(far.body.breakpoints[0].verified, false);
  await dc.close();
});

test('an instruction breakpoint stops with reason "instruction breakpoint", at every pass', async () => {
  const dc = await adapter({ 'app.js': APP + 'add(3, 4);\n' });
  await launchAndStop(dc, dc.args(), async () => {
    await dc.setBreakpointsRequest({ source: { path: dc.program }, breakpoints: [{ line: 2 }] });
  });
  const frame = await topFrame(dc);
  const r = await dc.customRequest('setInstructionBreakpoints', { breakpoints: [{ instructionReference: frame.instructionPointerReference, offset: 1 }] });
  const bp = r.body.breakpoints[0];
  assert.equal(bp.verified, true, bp.message);
  assert.equal(BigInt(bp.instructionReference), BigInt(frame.instructionPointerReference) + 1n);
  await dc.setBreakpointsRequest({ source: { path: dc.program }, breakpoints: [] });
  for (const a of ['1', '3']) {
    const stopped = dc.waitForEvent('stopped');
    await dc.continueRequest({ threadId: 1 });
    const event = await stopped;
    assert.equal(event.body.reason, 'instruction breakpoint');
    assert.deepEqual(event.body.hitBreakpointIds, [bp.id]);
    const at = await topFrame(dc);
    assert.equal(BigInt(at.instructionPointerReference), BigInt(bp.instructionReference));
    assert.equal((await dc.evaluateRequest({ expression: 'a', frameId: at.id })).body.result, a);
  }
  await dc.close();
});
