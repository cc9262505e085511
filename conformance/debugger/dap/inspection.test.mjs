// Looking at a paused program: the stack, scopes, variables (with paging and
// nested objects), evaluate in each context, setVariable, sources.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { adapter, failure, launchAndStop, topFrame } from './harness.mjs';

const APP = [
  'const big = Array.from({ length: 250 }, (_, i) => i * i), events = require("events");', // 1
  'function inner(obj, n) {',                                   // 2
  '  let local = "text";',                                      // 3
  '  const arr = [1, "two", { three: 3 }];',                    // 4
  '  debugger;',                                                // 5
  '  return obj.count + n + local.length + arr.length + big.length * 0;', // 6
  '}',                                                          // 7
  'function outer() {',                                         // 8
  '  const seen = inner({ count: 1, nested: { deep: true } }, 41);', // 9
  '  console.log("result", seen);',                            // 10
  '}',                                                          // 11
  'outer();',                                                   // 12
  '',
].join('\n');

async function pausedAtDebugger() {
  const dc = await adapter({ 'app.js': APP });
  const stopped = await launchAndStop(dc, dc.args());
  assert.equal(stopped.body.reason, 'pause');  // a debugger statement
  return dc;
}

async function scopeVariables(dc, frameId, index = 0) {
  const scopes = (await dc.scopesRequest({ frameId })).body.scopes;
  return (await dc.variablesRequest({ variablesReference: scopes[index].variablesReference })).body.variables;
}

test('stack frames: names, sources, lines; startFrame and levels', async () => {
  const dc = await pausedAtDebugger();
  const all = (await dc.stackTraceRequest({ threadId: 1 })).body;
  assert.deepEqual(all.stackFrames.slice(0, 2).map((f) => [f.name, f.line, f.source.path]), [['inner', 5, dc.program], ['outer', 9, dc.program]]);
  assert.equal(all.totalFrames, all.stackFrames.length);
  const page = (await dc.stackTraceRequest({ threadId: 1, startFrame: 1, levels: 1 })).body.stackFrames;
  assert.deepEqual(page.map((f) => f.name), ['outer']);
  assert.equal(page[0].id, all.stackFrames[1].id);
  await dc.close();
});

test('scopes and variables: locals, arguments, nested objects, arrays', async () => {
  const dc = await pausedAtDebugger();
  const frame = await topFrame(dc);
  const scopes = (await dc.scopesRequest({ frameId: frame.id })).body.scopes;
  assert.equal(scopes[0].name, 'Local');
  assert.equal(scopes[0].presentationHint, 'locals');
  assert.ok(scopes.some((s) => s.name === 'Global' && s.expensive));
  const locals = await scopeVariables(dc, frame.id);
  const byName = Object.fromEntries(locals.map((v) => [v.name, v]));
  assert.equal(byName.local.value, "'text'");
  assert.equal(byName.n.value, '41');
  assert.equal(byName.arr.indexedVariables, 3);
  assert.equal(byName.obj.evaluateName, 'obj');
  const obj = (await dc.variablesRequest({ variablesReference: byName.obj.variablesReference })).body.variables;
  const nested = obj.find((v) => v.name === 'nested');
  assert.equal(nested.evaluateName, 'obj.nested');
  const deep = (await dc.variablesRequest({ variablesReference: nested.variablesReference })).body.variables;
  assert.deepEqual(deep.filter((v) => v.name === 'deep').map((v) => v.value), ['true']);
  const arr = (await dc.variablesRequest({ variablesReference: byName.arr.variablesReference, filter: 'indexed' })).body.variables;
  assert.deepEqual(arr.map((v) => [v.name, v.value]), [['0', '1'], ['1', "'two'"], ['2', '{ three: 3 }']]);
  assert.equal(arr[2].evaluateName, 'arr[2]');
  await dc.close();
});

test('variables are paged by start and count', async () => {
  const dc = await pausedAtDebugger();
  const frame = await topFrame(dc);
  const r = await dc.evaluateRequest({ expression: 'big', frameId: frame.id, context: 'watch' });
  assert.equal(r.body.indexedVariables, 250);
  const page = await dc.variablesRequest({ variablesReference: r.body.variablesReference, filter: 'indexed', start: 100, count: 5 });
  assert.deepEqual(page.body.variables.map((v) => [v.name, v.value]), [['100', '10000'], ['101', '10201'], ['102', '10404'], ['103', '10609'], ['104', '10816']]);
  const last = await dc.variablesRequest({ variablesReference: r.body.variablesReference, filter: 'indexed', start: 248, count: 10 });
  assert.deepEqual(last.body.variables.map((v) => v.name), ['248', '249']);
  const named = await dc.variablesRequest({ variablesReference: r.body.variablesReference, filter: 'named' });
  assert.ok(named.body.variables.some((v) => v.name === 'length' && v.value === '250'));
  assert.ok(!named.body.variables.some((v) => v.name === '0'));
  await dc.close();
});

test('evaluate: in a frame, globally, with an error; repl output is the full value', async () => {
  const dc = await pausedAtDebugger();
  const [innerFrame, outerFrame] = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames;
  assert.equal((await dc.evaluateRequest({ expression: 'n + 1', frameId: innerFrame.id, context: 'watch' })).body.result, '42');
  assert.equal((await dc.evaluateRequest({ expression: 'typeof n', frameId: outerFrame.id, context: 'hover' })).body.result, "'undefined'");
  assert.equal((await dc.evaluateRequest({ expression: '6 * 7', context: 'repl' })).body.result, '42');
  const objectResult = await dc.evaluateRequest({ expression: 'obj', frameId: innerFrame.id, context: 'repl' });
  assert.match(objectResult.body.result, /count: 1/);
  assert.ok(objectResult.body.variablesReference > 0);
  assert.match(await failure(dc.evaluateRequest({ expression: 'nope.x', frameId: innerFrame.id, context: 'repl' })), /ReferenceError/);
  assert.match(await failure(dc.evaluateRequest({ expression: '1', frameId: 123456 })), /no frame/);
  assert.match(await failure(dc.evaluateRequest({})), /"expression"/);
  await dc.close();
});

test('setVariable: a local, an object property; the program sees the new values', async () => {
  const dc = await pausedAtDebugger();
  const frame = await topFrame(dc);
  const scopes = (await dc.scopesRequest({ frameId: frame.id })).body.scopes;
  const set = await dc.setVariableRequest({ variablesReference: scopes[0].variablesReference, name: 'n', value: '100 + 1' });
  assert.equal(set.body.value, '101');
  const locals = await scopeVariables(dc, frame.id);
  const obj = locals.find((v) => v.name === 'obj');
  const prop = await dc.setVariableRequest({ variablesReference: obj.variablesReference, name: 'count', value: 'n * 2' });
  assert.equal(prop.body.value, '202');
  assert.match(await failure(dc.setVariableRequest({ variablesReference: scopes[0].variablesReference, name: 'n', value: 'throw 1' })), /Uncaught/);
  assert.match(await failure(dc.setVariableRequest({ variablesReference: 987654, name: 'n', value: '1' })), /no variablesReference/);
  const terminated = dc.waitForEvent('terminated');
  await dc.continueRequest({ threadId: 1 });
  await terminated;
  // 202 + 101 + 4 + 3
  assert.equal(dc.output.stdout, 'result 310\n');
  await dc.close();
});

test('loadedSources and source: the program, and node: modules by sourceReference', async () => {
  const dc = await pausedAtDebugger();
  const sources = (await dc.customRequest('loadedSources')).body.sources;
  assert.ok(sources.some((s) => s.path === dc.program));
  const events = sources.find((s) => s.name === 'node:events');
  assert.ok(events && events.sourceReference > 0, 'node:events has a sourceReference');
  const text = await dc.sourceRequest({ sourceReference: events.sourceReference, source: events });
  assert.match(text.body.content, /EventEmitter/);
  const own = await dc.sourceRequest({ sourceReference: 0, source: { path: dc.program } });
  assert.equal(own.body.content.includes('function inner(obj, n)'), true);
  assert.match(await failure(dc.sourceRequest({ sourceReference: 424242 })), /no such source/);
  await dc.close();
});

test('the Registers scope: the frame\'s registers with their variables\' names (Glass.getRegisters)', async () => {
  const dc = await pausedAtDebugger();
  const frame = await topFrame(dc);
  const scopes = (await dc.scopesRequest({ frameId: frame.id })).body.scopes;
  const registers = scopes.find((s) => s.presentationHint === 'registers');
  assert.ok(registers, 'a Registers scope');
  const list = (await dc.variablesRequest({ variablesReference: registers.variablesReference })).body.variables;
  assert.ok(list.every((v) => /^r\d+/.test(v.name)), list.map((v) => v.name).join(' '));
  const named = Object.fromEntries(list.filter((v) => /\(\w+\)$/.test(v.name)).map((v) => [/\((\w+)\)$/.exec(v.name)[1], v.value]));
  assert.equal(named.n, '41');
  assert.match(await failure(dc.setVariableRequest({ variablesReference: registers.variablesReference, name: list[0].name, value: '1' })), /read-only/);
  await dc.close();
});
