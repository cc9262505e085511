// The Runtime domain: the execution context, console calls as values,
// uncaught exceptions, evaluate, callFunctionOn, getProperties and their
// internal properties, object handles and their release.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { debug, project, start, sleep } from './harness.mjs';
import CDP from 'chrome-remote-interface';

test('executionContextCreated on enable; consoleAPICalled with values and a stack; executionContextDestroyed at the end', async () => {
  const s = await debug({ 'app.js': 'function f() { console.warn("n =", 42, { a: [1] }); }\nconsole.log("hello");\nf();\n' });
  try {
    await s.run();
    await s.nextPause();
    await s.client.Debugger.resume();
    await s.finish();
    assert.deepEqual(s.console.map((e) => e.type), ['log', 'warning']);
    const [log, warn] = s.console;
    assert.deepEqual(log.args, [{ type: 'string', value: 'hello' }]);
    assert.equal(warn.args[1].value, 42);
    assert.equal(warn.args[2].type, 'object');
    assert.equal(warn.args[2].preview.properties[0].name, 'a');
    assert.equal(warn.executionContextId, 1);
    assert.equal(warn.stackTrace.callFrames[0].functionName, 'f');
    assert.equal(warn.stackTrace.callFrames[0].lineNumber, 0);
    assert.equal(s.target.stderr.includes('Waiting for the debugger to disconnect...'), true);
  } finally {
    await s.close();
  }
});

test('Runtime.exceptionThrown reports an uncaught error before the program ends', async () => {
  const s = await debug({ 'app.js': 'function fail() { throw new RangeError("bad"); }\nfail();\n' });
  const thrown = [];
  s.client.Runtime.exceptionThrown((e) => thrown.push(e));
  try {
    await s.run();
    await s.nextPause();
    await s.client.Debugger.resume();
    const exit = await s.finish();
    assert.equal(exit.code, 1);
    assert.equal(thrown.length, 1);
    assert.equal(thrown[0].exceptionDetails.exception.className, 'RangeError');
    assert.match(thrown[0].exceptionDetails.exception.description, /^RangeError: bad\n    at fail/);
  } finally {
    await s.close();
  }
});

test('Runtime.evaluate: values of every type, returnByValue, exceptions, and global state that persists', async () => {
  const s = await debug({ 'app.js': 'setTimeout(() => {}, 10);\n' });
  const { Runtime } = s.client;
  const value = async (expression, extra = {}) => (await Runtime.evaluate({ expression, ...extra })).result;
  try {
    assert.deepEqual(await value('1 + 1'), { type: 'number', value: 2, description: '2' });
    assert.deepEqual(await value('-0'), { type: 'number', unserializableValue: '-0', description: '0' });
    assert.deepEqual(await value('0/0'), { type: 'number', unserializableValue: 'NaN', description: 'NaN' });
    assert.deepEqual(await value('2n ** 70n'), { type: 'bigint', unserializableValue: '1180591620717411303424n', description: '1180591620717411303424n' });
    assert.deepEqual(await value('"text"'), { type: 'string', value: 'text' });
    assert.deepEqual(await value('undefined'), { type: 'undefined' });
    assert.deepEqual(await value('null'), { type: 'object', subtype: 'null', value: null });
    assert.equal((await value('Symbol("s")')).description, 'Symbol(s)');
    const array = await value('[1, 2, 3]', { generatePreview: true });
    assert.equal(array.subtype, 'array');
    assert.equal(array.description, 'Array(3)');
    assert.deepEqual(array.preview.properties.map((p) => p.value), ['1', '2', '3']);
    assert.equal((await value('new Map([[1, 2]])')).description, 'Map(1)');
    assert.equal((await value('/ab+c/gi')).description, '/ab+c/gi');
    assert.equal((await value('function named(a) { return a; }')).type, 'undefined');  // a declaration
    const fn = await value('(function named(a) { return a; })');
    assert.equal(fn.type, 'function');
    assert.equal(fn.description, 'function named(a) { return a; }');
    assert.deepEqual((await Runtime.evaluate({ expression: '({ a: [1, { b: "c" }] })', returnByValue: true })).result,
      { type: 'object', value: { a: [1, { b: 'c' }] } });
    const thrown = await Runtime.evaluate({ expression: 'null.x' });
    assert.equal(thrown.exceptionDetails.exception.className, 'TypeError');
    await value('globalThis.kept = 5');
    assert.equal((await value('kept * 2')).value, 10);
  } finally {
    await s.close();
  }
});

test('callFunctionOn with an object as this and call arguments of every kind', async () => {
  const s = await debug({ 'app.js': 'setTimeout(() => {}, 10);\n' });
  const { Runtime } = s.client;
  try {
    const { result: obj } = await Runtime.evaluate({ expression: '({ base: 10 })' });
    const { result: other } = await Runtime.evaluate({ expression: '({ extra: 5 })' });
    const r = await Runtime.callFunctionOn({
      objectId: obj.objectId,
      functionDeclaration: 'function (a, b, c, d) { return [this.base + a, b, String(c), d.extra].join(); }',
      arguments: [{ value: 1 }, { value: 'two' }, { unserializableValue: 'Infinity' }, { objectId: other.objectId }],
      returnByValue: true,
    });
    assert.equal(r.result.value, '11,two,Infinity,5');
    const failing = await Runtime.callFunctionOn({ objectId: obj.objectId, functionDeclaration: 'function () { throw new Error("x"); }' });
    assert.equal(failing.exceptionDetails.exception.description.split('\n')[0], 'Error: x');
  } finally {
    await s.close();
  }
});

test('getProperties: own properties with descriptors, accessors unrun, internal properties; releaseObject(Group)', async () => {
  const s = await debug({ 'app.js': 'setTimeout(() => {}, 10);\n' });
  const { Runtime } = s.client;
  try {
    const { result } = await Runtime.evaluate({
      expression: 'globalThis.ran = 0; ({ plain: 1, get lazy() { ran++; return 2; }, [Symbol("k")]: 3 })',
      objectGroup: 'mine',
    });
    const props = await Runtime.getProperties({ objectId: result.objectId });
    const byName = Object.fromEntries(props.result.map((p) => [p.name, p]));
    assert.deepEqual(byName.plain.value, { type: 'number', value: 1, description: '1' });
    assert.equal(byName.plain.writable, true);
    assert.equal(byName.lazy.get.type, 'function');
    assert.ok(!('value' in byName.lazy));
    assert.ok('Symbol(k)' in byName);
    assert.equal(props.internalProperties[0].name, '[[Prototype]]');
    assert.equal((await Runtime.evaluate({ expression: 'ran' })).result.value, 0);  // no getter ran
    const promise = await Runtime.evaluate({ expression: 'Promise.resolve(7)' });
    const internal = (await Runtime.getProperties({ objectId: promise.result.objectId })).internalProperties;
    assert.deepEqual(internal.filter((p) => p.name !== '[[Prototype]]').map((p) => [p.name, p.value.value]),
      [['[[PromiseState]]', 'fulfilled'], ['[[PromiseResult]]', 7]]);
    await Runtime.releaseObjectGroup({ objectGroup: 'mine' });
    await assert.rejects(Runtime.getProperties({ objectId: result.objectId }), /Could not find object/);
    await Runtime.releaseObject({ objectId: promise.result.objectId });
    await assert.rejects(Runtime.getProperties({ objectId: promise.result.objectId }), /Could not find object/);
  } finally {
    await s.close();
  }
});

test('methods we do not serve, bad params and bad JSON get JSON-RPC errors, and the session goes on', async () => {
  const s = await debug({ 'app.js': 'setTimeout(() => {}, 10);\n' });
  try {
    await assert.rejects(s.client.send('Nope.nothing', {}), (e) => e.response.code === -32601);
    await assert.rejects(s.client.send('Runtime.evaluate', {}), (e) => e.response.code === -32602);
    await assert.rejects(s.client.send('Debugger.setBreakpointByUrl', { lineNumber: 'x', url: 'a' }), (e) => e.response.code === -32602);
    await assert.rejects(s.client.send('Debugger.getScriptSource', { scriptId: '99999' }), /No script/);
    await assert.rejects(s.client.send('Debugger.stepOver', {}), /while paused/);
    assert.equal((await s.client.Runtime.evaluate({ expression: '6 * 7' })).result.value, 42);
    const { result } = await s.client.send('Runtime.getHeapUsage', {});
    assert.ok(result === undefined || true);
  } finally {
    await s.close();
  }
});
