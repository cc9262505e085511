// WeakMap, WeakSet, WeakRef basics (no dependence on when collection happens).
const wm = new WeakMap();
const k1 = {}, k2 = function () {};
wm.set(k1, 'object key').set(k2, 'function key');
console.log(`${wm.get(k1)} ${wm.get(k2)} ${wm.has(k1)} ${wm.has({})} ${wm.get({})}`);
console.log(`delete: ${wm.delete(k1)} ${wm.has(k1)} ${wm.delete(k1)}`);
try { wm.set('string', 1); } catch (e) { console.log(`primitive key: ${e.name}`); }
const symKey = Symbol('non-registered');
try { wm.set(symKey, 'symbol key'); console.log(`non-registered symbol key: ${wm.get(symKey)}`); } catch (e) { console.log(`symbol key: ${e.name}`); }
try { wm.set(Symbol.for('registered'), 1); } catch (e) { console.log(`registered symbol key: ${e.name}`); }
const ws = new WeakSet([k2]);
ws.add(k1);
console.log(`weakset: ${ws.has(k1)} ${ws.has(k2)} ${ws.delete(k2)} ${ws.has(k2)}`);
try { ws.add(1); } catch (e) { console.log(`weakset primitive: ${e.name}`); }
console.log(`not iterable: ${typeof wm[Symbol.iterator]} ${typeof ws.size} ${'clear' in wm}`);
const target = { name: 'target' };
const ref = new WeakRef(target);
console.log(`WeakRef deref: ${ref.deref() === target} ${ref.deref().name} ${Object.prototype.toString.call(ref)}`);
try { new WeakRef(1); } catch (e) { console.log(`WeakRef on primitive: ${e.name}`); }
const registry = new FinalizationRegistry(() => {});
registry.register({}, 'held');
console.log(`FinalizationRegistry: ${typeof registry.register} ${registry.unregister({})}`);
const privateData = new WeakMap();
class Person { constructor(n) { privateData.set(this, { n }); } get name() { return privateData.get(this).n; } }
console.log(`private data pattern: ${new Person('Grace').name}`);
