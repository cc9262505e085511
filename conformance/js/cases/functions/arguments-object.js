// The arguments object: mapped in sloppy functions with simple params, unmapped otherwise.
function mapped(a) { arguments[0] = 'changed'; return a; }
function unmappedStrict(a) { 'use strict'; arguments[0] = 'changed'; return a; }
function unmappedDefaults(a = 0) { arguments[0] = 'changed'; return a; }
console.log(`${mapped('orig')} ${unmappedStrict('orig')} ${unmappedDefaults('orig')}`);
function reverseMap(a) { a = 'param set'; return arguments[0]; }
console.log(`param write shows in arguments: ${reverseMap('orig')}`);
function info() { return `${arguments.length} ${typeof arguments} ${Array.isArray(arguments)} ${Object.prototype.toString.call(arguments)}`; }
console.log(info(1, 2, 3));
function toArray() { return Array.prototype.slice.call(arguments).join('+'); }
console.log(`slice: ${toArray('a', 'b')} spread: ${((...r) => r.length)(...[1, 2, 3, 4])}`);
function iter() { const out = []; for (const v of arguments) out.push(v); return out.join(''); }
console.log(`iterable: ${iter('x', 'y', 'z')}`);
function extra(a) { return `${a} ${arguments[1]} ${arguments.length}`; }
console.log(`extra args: ${extra(1, 2)} missing: ${extra()}`);
function outer() { const arrow = () => arguments[0]; return arrow('ignored'); }
console.log(`arrow sees outer arguments: ${outer('outer arg')}`);
function calleeTest() { 'use strict'; try { return arguments.callee; } catch (e) { return e.name; } }
console.log(`strict callee: ${calleeTest()}`);
function sloppyCallee() { return arguments.callee === sloppyCallee; }
console.log(`sloppy callee: ${sloppyCallee()}`);
