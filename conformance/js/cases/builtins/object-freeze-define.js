// Object.freeze/seal/preventExtensions and defineProperty/getOwnPropertyDescriptor(s).
const frozen = Object.freeze({ a: 1, nested: { b: 2 } });
frozen.a = 99; frozen.c = 3; delete frozen.a; frozen.nested.b = 'shallow';
console.log(`frozen: ${JSON.stringify(frozen)} ${Object.isFrozen(frozen)} ${Object.isSealed(frozen)} ${Object.isExtensible(frozen)}`);
const sealed = Object.seal({ a: 1 });
sealed.a = 2; sealed.b = 3; delete sealed.a;
console.log(`sealed: ${JSON.stringify(sealed)} ${Object.isSealed(sealed)} ${Object.isFrozen(sealed)}`);
const noExt = Object.preventExtensions({ a: 1 });
noExt.b = 2; delete noExt.a;
console.log(`preventExtensions: ${JSON.stringify(noExt)} ${Object.isExtensible(noExt)}`);
const o = {};
Object.defineProperty(o, 'x', { value: 1 });
console.log(`defaults: ${JSON.stringify(Object.getOwnPropertyDescriptor(o, 'x'))}`);
o.x = 2;
console.log(`non-writable: ${o.x} keys=${Object.keys(o).length}`);
try { Object.defineProperty(o, 'x', { value: 3 }); } catch (e) { console.log(`redefine non-configurable: ${e.name}`); }
Object.defineProperty(o, 'x', { value: 1 });
console.log('redefining with the same value is allowed');
Object.defineProperties(o, { y: { value: 'y', enumerable: true, writable: true, configurable: true }, z: { get() { return 'z'; }, enumerable: true } });
console.log(`defineProperties: ${JSON.stringify(o)}`);
const descs = Object.getOwnPropertyDescriptors({ v: 1, get w() { return 2; } });
console.log(`descriptors: ${JSON.stringify(descs.v)} ${typeof descs.w.get} ${descs.w.set}`);
try { Object.defineProperty(o, 'bad', { get() {}, value: 1 }); } catch (e) { console.log(`mixed descriptor: ${e.name}`); }
const arr = [1, 2, 3];
Object.defineProperty(arr, 'length', { value: 1 });
console.log(`array length shrink: ${arr.length} ${JSON.stringify(arr)}`);
Object.defineProperty(arr, 'length', { writable: false });
try { arr.push(5); } catch (e) { console.log(`push on non-writable length: ${e.name}`); }
console.log(`freeze primitive returns it: ${Object.freeze(5)} ${Object.isFrozen('str')}`);
