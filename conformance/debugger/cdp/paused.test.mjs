// Debugger.paused and what a client does with it: the shape of callFrames
// and scopeChain, every scope type's properties, evaluation with side
// effects, setVariableValue, stepping, breakpoints by url before a script
// loads, possible breakpoints, pause on exceptions.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { debug, scopeVariables } from './harness.mjs';

test('break on start: reason, callFrames, scopeChain and this have the shapes V8 gives them', async () => {
  const s = await debug({ 'app.js': 'const answer = 42;\nconsole.log(answer);\n' });
  try {
    await s.run();
    const pause = await s.nextPause();
    assert.equal(pause.reason, 'Break on start');
    assert.deepEqual(pause.hitBreakpoints, []);
    const [frame] = pause.callFrames;
    assert.match(frame.callFrameId, /^\d+:0$/);
    assert.equal(frame.functionName, '');
    assert.equal(frame.url, 'file://' + s.dir + '/app.js');
    assert.deepEqual(frame.location, { scriptId: frame.location.scriptId, lineNumber: 0, columnNumber: 15 });
    assert.ok(s.scripts.some((x) => x.scriptId === frame.location.scriptId && x.url === frame.url));
    assert.deepEqual(frame.scopeChain.map((x) => x.type), ['local', 'global']);
    for (const scope of frame.scopeChain) {
      assert.equal(scope.object.type, 'object');
      assert.equal(typeof scope.object.objectId, 'string');
    }
    assert.equal(frame.this.type, 'object');  // CommonJS: module.exports
    const local = await scopeVariables(s.client, frame.scopeChain[0]);
    assert.deepEqual(Object.keys(local), ['exports', 'require', 'module', '__filename', '__dirname', 'answer']);
    assert.equal(local.answer.description, '<uninitialized>');  // in its temporal dead zone
    assert.equal(local.__filename.value, s.dir + '/app.js');
    await s.client.Debugger.resume();
  } finally {
    await s.close();
  }
});

test('scriptParsed carries V8 fields, and getScriptSource returns the file without the CommonJS wrapper', async () => {
  const source = 'function f() {\n  return 1;\n}\nf();\n';
  const s = await debug({ 'app.js': source });
  try {
    await s.run();
    await s.nextPause();  // the file is compiled once the program starts
    const script = s.scripts.find((x) => x.url.endsWith('/app.js'));
    assert.ok(script, 'app.js parsed');
    for (const field of ['scriptId', 'url', 'startLine', 'startColumn', 'endLine', 'endColumn', 'executionContextId', 'hash',
      'isModule', 'length'])
      assert.ok(field in script, field);
    assert.equal(script.startLine, 0);
    assert.equal(script.endLine, 4);
    assert.equal(script.isModule, false);
    assert.equal(script.length, source.length);
    const { scriptSource } = await s.client.Debugger.getScriptSource({ scriptId: script.scriptId });
    assert.equal(scriptSource, source);
    await s.client.Debugger.resume();
  } finally {
    await s.close();
  }
});

test('every scope type: local, block, closure, catch, with, script, global, module', async () => {
  const s = await debug({
    'app.js': [
      'let scriptLevel = 1;',                    // (CommonJS: this is the module function's local)
      'function outer(captured) {',
      '  return function inner(arg) {',
      '    { let inBlock = arg + captured;',
      '      try { throw new Error("e"); } catch (caught) {',
      '        with ({ viaWith: 7 }) {',
      '          debugger;',
      '        }',
      '      }',
      '    }',
      '  };',
      '}',
      'outer(10)(5);',
      '',
    ].join('\n'),
  });
  try {
    await s.run();
    await s.nextPause();  // break on start
    await s.client.Debugger.resume();
    const pause = await s.nextPause();
    const chain = pause.callFrames[0].scopeChain;
    // (The module function's own names are not captured by inner: no scope of it is on inner's chain.)
    assert.deepEqual(chain.map((x) => x.type), ['with', 'catch', 'block', 'local', 'closure', 'global']);
    const [withScope, catchScope, block, local, closure] = await Promise.all(chain.slice(0, 5).map((x) => scopeVariables(s.client, x)));
    assert.equal(withScope.viaWith.value, 7);
    assert.equal(catchScope.caught.className, 'Error');
    assert.equal(block.inBlock.value, 15);
    assert.equal(local.arg.value, 5);
    assert.equal(chain[4].name, 'outer');
    assert.equal(closure.captured.value, 10);
    const global = await s.client.Runtime.getProperties({ objectId: chain[5].object.objectId, ownProperties: true });
    assert.ok(global.result.some((p) => p.name === 'globalThis'));
    await s.client.Debugger.resume();
  } finally {
    await s.close();
  }
});

test('module and script scopes', async () => {
  const s = await debug({
    'app.mjs': 'import { value } from "./lib.mjs";\nconst mine = value + 1;\ndebugger;\nconsole.log(mine);\n',
    'lib.mjs': 'export const value = 41;\n',
  }, 'app.mjs');
  try {
    await s.run();
    let pause = await s.nextPause();
    while (pause.reason !== 'other') { await s.client.Debugger.resume(); pause = await s.nextPause(); }
    const chain = pause.callFrames[0].scopeChain;
    assert.equal(chain[0].type, 'module');
    const vars = await scopeVariables(s.client, chain[0]);
    assert.equal(vars.mine.value, 42);
    assert.equal(vars.value.value, 41);  // an import, read through to the exporter
    assert.ok(s.scripts.find((x) => x.url.endsWith('/lib.mjs')).isModule);
    await s.client.Debugger.resume();
  } finally {
    await s.close();
  }
});

test('evaluateOnCallFrame reads and writes locals; the program sees the write; errors come back as exceptionDetails', async () => {
  const s = await debug({ 'app.js': 'function f(n) {\n  let doubled = n * 2;\n  debugger;\n  return doubled;\n}\nconsole.log("result", f(4));\n' });
  try {
    await s.run();
    await s.nextPause();
    await s.client.Debugger.resume();
    const pause = await s.nextPause();
    const callFrameId = pause.callFrames[0].callFrameId;
    const read = await s.client.Debugger.evaluateOnCallFrame({ callFrameId, expression: 'n + doubled' });
    assert.deepEqual(read.result, { type: 'number', value: 12, description: '12' });
    await s.client.Debugger.evaluateOnCallFrame({ callFrameId, expression: 'doubled = 100' });
    const failed = await s.client.Debugger.evaluateOnCallFrame({ callFrameId, expression: 'nope.x' });
    assert.equal(failed.exceptionDetails.exception.className, 'ReferenceError');
    assert.equal(failed.result.subtype, 'error');
    const self = await s.client.Debugger.evaluateOnCallFrame({ callFrameId, expression: 'this === globalThis' });
    assert.equal(self.result.value, true);
    await s.client.Debugger.resume();
    await s.finish();
    assert.equal(s.target.stdout, 'result 100\n');
  } finally {
    await s.close();
  }
});

test('setVariableValue assigns a local, a closure variable, and refuses a const', async () => {
  const s = await debug({
    'app.js': 'let outer = 1;\nfunction f() {\n  let local = 2;\n  const fixed = 3;\n  debugger;\n  console.log(outer, local, fixed);\n}\nf();\n',
  });
  try {
    await s.run();
    await s.nextPause();
    await s.client.Debugger.resume();
    const pause = await s.nextPause();
    const frame = pause.callFrames[0];
    await s.client.Debugger.setVariableValue({ callFrameId: frame.callFrameId, scopeNumber: 0, variableName: 'local', newValue: { value: 'two' } });
    const closureIndex = frame.scopeChain.findIndex((x) => x.type === 'closure');
    await s.client.Debugger.setVariableValue({ callFrameId: frame.callFrameId, scopeNumber: closureIndex, variableName: 'outer', newValue: { value: 'one' } });
    await assert.rejects(s.client.Debugger.setVariableValue({ callFrameId: frame.callFrameId, scopeNumber: 0, variableName: 'fixed', newValue: { value: 0 } }));
    await s.client.Debugger.resume();
    await s.finish();
    assert.equal(s.target.stdout, 'one two 3\n');
  } finally {
    await s.close();
  }
});

test('stepOver, stepInto, stepOut land where V8 lands', async () => {
  const s = await debug({
    'app.js': 'function add(a, b) {\n  const sum = a + b;\n  return sum;\n}\ndebugger;\nconst r = add(1, 2);\nconsole.log(r);\n',
  });
  const where = (p) => `${p.callFrames[0].functionName || '(top)'} ${p.callFrames[0].location.lineNumber + 1}:${p.callFrames[0].location.columnNumber}`;
  try {
    await s.run();
    await s.nextPause();
    await s.client.Debugger.resume();
    assert.equal(where(await s.nextPause()), '(top) 5:0');  // debugger;
    await s.client.Debugger.stepOver();
    assert.equal(where(await s.nextPause()), '(top) 6:10');  // const r = add(1, 2): at the initializer
    await s.client.Debugger.stepInto();
    assert.equal(where(await s.nextPause()), 'add 2:14');
    await s.client.Debugger.stepOut();
    const back = await s.nextPause();
    assert.equal(back.callFrames[0].functionName, '');
    await s.client.Debugger.resume();
  } finally {
    await s.close();
  }
});

test('a breakpoint by urlRegex set before the file loads resolves when it loads; removeBreakpoint, conditions', async () => {
  const s = await debug({
    'app.js': 'const lib = require("./lib.js");\nfor (let i = 0; i < 3; i++) lib.work(i);\n',
    'lib.js': 'exports.work = function work(i) {\n  return i * 2;\n};\n',
  });
  const resolved = [];
  s.client.Debugger.breakpointResolved((e) => resolved.push(e));
  try {
    const bp = await s.client.Debugger.setBreakpointByUrl({ urlRegex: '^(.*[\\/\\\\])?lib\\.js$', lineNumber: 1, condition: 'i > 0' });
    assert.match(bp.breakpointId, /^\d+:1:0:/);
    assert.deepEqual(bp.locations, []);
    await s.run();
    await s.nextPause();  // break on start
    await s.client.Debugger.resume();
    const pause = await s.nextPause();
    assert.deepEqual(pause.hitBreakpoints, [bp.breakpointId]);
    assert.equal(resolved.length, 1);
    assert.equal(resolved[0].breakpointId, bp.breakpointId);
    assert.equal(resolved[0].location.lineNumber, 1);
    const i = await s.client.Debugger.evaluateOnCallFrame({ callFrameId: pause.callFrames[0].callFrameId, expression: 'i' });
    assert.equal(i.result.value, 1);  // the condition skipped i = 0
    await s.client.Debugger.removeBreakpoint({ breakpointId: bp.breakpointId });
    await s.client.Debugger.resume();
    await s.finish();
    assert.equal(s.paused.length, 0);
  } finally {
    await s.close();
  }
});

test('setBreakpoint by location, getPossibleBreakpoints, setBreakpointsActive, setSkipAllPauses, continueToLocation', async () => {
  const s = await debug({ 'app.js': 'let n = 0;\nn += 1;\nn += 2;\nn += 3;\nconsole.log(n);\n' });
  try {
    await s.run();
    const start = await s.nextPause();
    const scriptId = start.callFrames[0].location.scriptId;
    const { locations } = await s.client.Debugger.getPossibleBreakpoints({ start: { scriptId, lineNumber: 0, columnNumber: 0 } });
    assert.deepEqual(locations.map((l) => l.lineNumber), [0, 1, 2, 3, 4]);
    const bp = await s.client.Debugger.setBreakpoint({ location: { scriptId, lineNumber: 2 } });
    assert.equal(bp.actualLocation.lineNumber, 2);
    await s.client.Debugger.setBreakpointsActive({ active: false });
    await s.client.Debugger.continueToLocation({ location: { scriptId, lineNumber: 3 } });
    const at = await s.nextPause();
    assert.equal(at.callFrames[0].location.lineNumber, 3);  // the inactive breakpoint on line 3 did not stop it
    await s.client.Debugger.setBreakpointsActive({ active: true });
    await s.client.Debugger.setSkipAllPauses({ skip: true });
    await s.client.Debugger.resume();
    await s.finish();
    assert.equal(s.target.stdout, '6\n');
  } finally {
    await s.close();
  }
});

test('pause on exceptions: caught and uncaught, with the exception as data', async () => {
  const s = await debug({
    'app.js': 'function boom(m) { throw new TypeError(m); }\ntry { boom("caught"); } catch {}\nboom("uncaught");\n',
  });
  try {
    await s.client.Debugger.setPauseOnExceptions({ state: 'all' });
    await s.run();
    await s.nextPause();
    await s.client.Debugger.resume();
    const first = await s.nextPause();
    assert.equal(first.reason, 'exception');
    assert.equal(first.data.className, 'TypeError');
    assert.equal(first.data.uncaught, false);
    assert.equal(first.callFrames[0].functionName, 'boom');
    await s.client.Debugger.resume();
    const second = await s.nextPause();
    assert.equal(second.data.uncaught, true);
    await s.client.Debugger.resume();
    const exit = await s.finish();
    assert.equal(exit.code, 1);
  } finally {
    await s.close();
  }
});
