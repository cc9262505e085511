// Default parameters, rest parameters, spread arguments, function length and name.
function defaults(a, b = a * 2, c = (() => a + b)()) { return `${a} ${b} ${c}`; }
console.log(defaults(1));
console.log(defaults(1, undefined, 10));
console.log(defaults(1, null));
let evaluated = 0;
function lazy(x = ++evaluated) { return x; }
lazy(); lazy(5); lazy();
console.log(`defaults evaluated per call when missing: ${evaluated}`);
function rest(first, ...others) { return `${first} [${others.join(',')}] ${Array.isArray(others)}`; }
console.log(rest(1, 2, 3));
console.log(rest());
const args = [3, 1, 2];
console.log(`spread into call: ${Math.max(...args)} ${Math.max(...args, 10)} ${Math.max(...[], -1)}`);
console.log(`spread string: ${((...c) => c.join('|'))(...'abc')}`);
console.log(`lengths: ${((a, b) => 0).length} ${((a, b = 1, c) => 0).length} ${((...r) => 0).length} ${function (a, { b }, [c]) {}.length}`);
const anon = function () {};
const arrow = () => {};
const obj = { method() {}, ['comp' + 'uted']() {}, get g() { return 1; } };
console.log(`names: ${defaults.name} ${anon.name} ${arrow.name} ${obj.method.name} ${obj.computed.name}`);
console.log(`getter name: ${Object.getOwnPropertyDescriptor(obj, 'g').get.name}`);
console.log(`bound name: ${defaults.bind(null).name}`);
const sym = Symbol('tag');
const withSym = { [sym]() {} };
console.log(`symbol method name: ${withSym[sym].name}`);
function scopes(a, f = () => a) { var a = 'body'; return `${a} ${f()}`; }
console.log(`separate parameter scope: ${scopes('param')}`);
