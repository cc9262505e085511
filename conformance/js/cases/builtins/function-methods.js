// Function.prototype.call/apply/bind and toString of user functions.
function describe(greeting, punct) { return `${greeting}, ${this.name}${punct}`; }
const who = { name: 'Ada' };
console.log(describe.call(who, 'Hello', '!'));
console.log(describe.apply(who, ['Hi', '?']));
console.log(describe.apply(who, { length: 2, 0: 'Array-like', 1: '.' }));
const bound = describe.bind(who, 'Bound');
console.log(`${bound('~')} length=${bound.length} name=${bound.name}`);
const twiceBound = bound.bind(null, '#');
console.log(`${twiceBound()} length=${twiceBound.length} name=${twiceBound.name}`);
console.log(`apply with null args: ${Math.max.apply(null, [1, 5, 3])} ${(function () { return arguments.length; }).apply(null)}`);
function source(a, b) {
  // a comment kept by toString
  return a + b;
}
console.log(source.toString());
console.log(String((x) => x * 2));
console.log(String(async function named() { await 1; }));
console.log(String(class Foo { bar() { return 1; } }));
const obj = { method(a) { return a; }, get prop() { return 1; } };
console.log(obj.method.toString());
console.log(Object.getOwnPropertyDescriptor(obj, 'prop').get.toString());
console.log(`native: ${/\{\s*\[native code\]\s*\}$/.test(Math.max.toString())} ${/^function max\(\)/.test(Math.max.toString())}`);
console.log(`bound toString is native: ${/\[native code\]/.test(bound.toString())}`);
console.log(`Function.prototype itself callable: ${Function.prototype()} ${typeof Function.prototype}`);
try { Function.prototype.call.call(5); } catch (e) { console.log(`call on non-function: ${e.name}`); }
