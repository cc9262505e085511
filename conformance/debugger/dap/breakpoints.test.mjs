// Breakpoints: by line, conditional, with a hit count, logpoints, function
// breakpoints, exception breakpoints; and the ones that cannot be set.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { adapter, failure, launchAndStop, topFrame } from './harness.mjs';

const LOOP = [
  'function compute(i) {',      // 1
  '  const twice = i * 2;',     // 2
  '  return twice + 1;',        // 3
  '}',                          // 4
  'let total = 0;',             // 5
  'for (let i = 0; i < 10; i++) {', // 6
  '  total += compute(i);',     // 7
  '}',                          // 8
  'console.log("total", total);', // 9
  '',
].join('\n');

async function value(dc, expression, frameId) {
  return (await dc.evaluateRequest({ expression, frameId, context: 'watch' })).body.result;
}

test('a line breakpoint is verified and hit (hitBreakpoint scenario)', async () => {
  const dc = await adapter({ 'app.js': LOOP });
  await dc.hitBreakpoint(dc.args(), { path: dc.program, line: 2 });
  const frame = await topFrame(dc);
  assert.equal(frame.name, 'compute');
  assert.equal(await value(dc, 'i', frame.id), '0');
  await dc.close();
});

test('a conditional breakpoint stops only when its condition holds', async () => {
  const dc = await adapter({ 'app.js': LOOP });
  let bp;
  const stopped = await launchAndStop(dc, dc.args(), async () => {
    bp = (await dc.setBreakpointsRequest({ source: { path: dc.program }, breakpoints: [{ line: 2, condition: 'i === 7' }] })).body.breakpoints[0];
  });
  assert.equal(bp.verified, true);
  assert.equal(stopped.body.reason, 'breakpoint');
  assert.deepEqual(stopped.body.hitBreakpointIds, [bp.id]);
  assert.equal(await value(dc, 'i', (await topFrame(dc)).id), '7');
  const terminated = dc.waitForEvent('terminated');
  await dc.continueRequest({ threadId: 1 });
  await terminated;  // no other stop
  assert.equal(dc.output.stdout, 'total 100\n');
  await dc.close();
});

test('hit conditions: == 3 stops on the third hit only, % 4 on every fourth', async () => {
  const dc = await adapter({ 'app.js': LOOP });
  const stops = [];
  dc.on('stopped', async () => {
    stops.push(await value(dc, 'i', (await topFrame(dc)).id));
    dc.continueRequest({ threadId: 1 });
  });
  const terminated = dc.waitForEvent('terminated');
  await Promise.all([
    dc.waitForEvent('initialized').then(async () => {
      await dc.setBreakpointsRequest({ source: { path: dc.program }, breakpoints: [{ line: 2, hitCondition: '== 3' }, { line: 3, hitCondition: '% 4' }] });
      await dc.configurationDoneRequest();
    }),
    dc.launch(dc.args()),
  ]);
  await terminated;
  assert.deepEqual(stops, ['2', '3', '7']);
  await dc.close();
});

test('an invalid hit condition leaves the breakpoint unverified, with a message', async () => {
  const dc = await adapter({ 'app.js': LOOP });
  await launchAndStop(dc, dc.args({ stopOnEntry: true }));
  const r = await dc.setBreakpointsRequest({ source: { path: dc.program }, breakpoints: [{ line: 2, hitCondition: 'often' }, { line: 3 }] });
  assert.equal(r.body.breakpoints[0].verified, false);
  assert.match(r.body.breakpoints[0].message, /invalid hit condition/);
  assert.equal(r.body.breakpoints[1].verified, true);
  await dc.close();
});

test('a logpoint logs with {expressions} and does not stop', async () => {
  const dc = await adapter({ 'app.js': LOOP });
  const terminated = dc.waitForEvent('terminated');
  let stopped = false;
  dc.on('stopped', () => { stopped = true; });
  await Promise.all([
    dc.waitForEvent('initialized').then(async () => {
      await dc.setBreakpointsRequest({ source: { path: dc.program }, breakpoints: [{ line: 3, logMessage: 'twice of {i} is {twice} `ok`', condition: 'i < 2' }] });
      await dc.configurationDoneRequest();
    }),
    dc.launch(dc.args()),
  ]);
  await terminated;
  assert.equal(stopped, false);
  assert.equal(dc.output.stdout, 'twice of 0 is 0 `ok`\ntwice of 1 is 2 `ok`\ntotal 100\n');
  await dc.close();
});

test('replacing a file\'s breakpoints removes the old ones', async () => {
  const dc = await adapter({ 'app.js': LOOP });
  await launchAndStop(dc, dc.args(), async () => {
    await dc.setBreakpointsRequest({ source: { path: dc.program }, breakpoints: [{ line: 2 }] });
  });
  await dc.setBreakpointsRequest({ source: { path: dc.program }, breakpoints: [] });
  const terminated = dc.waitForEvent('terminated');
  await dc.continueRequest({ threadId: 1 });
  await terminated;
  await dc.close();
});

test('a function breakpoint stops where the function starts', async () => {
  const dc = await adapter({ 'app.js': LOOP });
  let bp;
  const stopped = await launchAndStop(dc, dc.args(), async () => {
    bp = (await dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'compute' }] })).body.breakpoints[0];
  });
  assert.equal(typeof bp.id, 'number');
  assert.equal(stopped.body.reason, 'function breakpoint');
  const frame = await topFrame(dc);
  assert.equal(frame.name, 'compute');
  assert.equal(frame.line, 2);
  // Removing it: the program runs to its end.
  await dc.setFunctionBreakpointsRequest({ breakpoints: [] });
  const terminated = dc.waitForEvent('terminated');
  await dc.continueRequest({ threadId: 1 });
  await terminated;
  await dc.close();
});

const THROWS = [
  'try {',                        // 1
  '  throw new Error("caught");', // 2
  '} catch (e) {}',               // 3
  'setTimeout(() => {',           // 4
  '  null.boom;',                 // 5
  '}, 0);',                       // 6
  '',
].join('\n');

test('exception breakpoints: "all" stops on a caught exception, with exceptionInfo', async () => {
  const dc = await adapter({ 'app.js': THROWS });
  const stopped = await launchAndStop(dc, dc.args(), async () => {
    await dc.setExceptionBreakpointsRequest({ filters: ['all'] });
  });
  assert.equal(stopped.body.reason, 'exception');
  assert.match(stopped.body.text, /Error: caught/);
  assert.equal((await topFrame(dc)).line, 2);
  const info = await dc.exceptionInfoRequest({ threadId: 1 });
  assert.equal(info.body.breakMode, 'always');
  assert.match(info.body.description, /caught/);
  await dc.close();
});

test('exception breakpoints: "uncaught" passes the caught one and stops on the uncaught one', async () => {
  const dc = await adapter({ 'app.js': THROWS });
  const stopped = await launchAndStop(dc, dc.args(), async () => {
    await dc.setExceptionBreakpointsRequest({ filters: ['uncaught'] });
  });
  assert.equal(stopped.body.reason, 'exception');
  assert.match(stopped.body.text, /TypeError/);
  assert.equal((await topFrame(dc)).line, 5);
  assert.equal((await dc.exceptionInfoRequest({ threadId: 1 })).body.breakMode, 'unhandled');
  await dc.close();
});

test('bad breakpoint requests get error responses', async () => {
  const dc = await adapter({ 'app.js': LOOP });
  await launchAndStop(dc, dc.args({ stopOnEntry: true }));
  assert.match(await failure(dc.setBreakpointsRequest({ breakpoints: [{ line: 1 }] })), /"source" is required/);
  assert.match(await failure(dc.setBreakpointsRequest({ source: { path: dc.program }, breakpoints: [{ column: 1 }] })), /integer "line"/);
  assert.match(await failure(dc.setBreakpointsRequest({ source: { sourceReference: 9999 }, breakpoints: [] })), /no source/);
  assert.match(await failure(dc.setExceptionBreakpointsRequest({ filters: ['sometimes'] })), /unknown filter/);
  assert.match(await failure(dc.setExceptionBreakpointsRequest({})), /"filters"/);
  assert.match(await failure(dc.setFunctionBreakpointsRequest({ breakpoints: [{}] })), /"name"/);
  assert.match(await failure(dc.customRequest('setInstructionBreakpoints', {})), /"breakpoints"/);
  const r = await dc.customRequest('setInstructionBreakpoints', { breakpoints: [{ instructionReference: 'main+4' }] });
  assert.equal(r.body.breakpoints[0].verified, false);
  await dc.close();
});
