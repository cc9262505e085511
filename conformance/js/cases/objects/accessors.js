// Getters and setters in object literals and via defineProperty; inheritance of accessors.
const temp = {
  _c: 25,
  get f() { return this._c * 9 / 5 + 32; },
  set f(v) { this._c = (v - 32) * 5 / 9; },
};
console.log(`getter: ${temp.f}`);
temp.f = 212;
console.log(`after setter: ${temp._c}`);
const onlyGet = { get v() { return 'read only'; } };
onlyGet.v = 'ignored in sloppy mode';
console.log(onlyGet.v);
const strictWrite = (() => { 'use strict'; try { onlyGet.v = 1; return 'no error'; } catch (e) { return e.name; } })();
console.log(`strict write to getter-only: ${strictWrite}`);
const onlySet = { set v(x) { this.stored = x; } };
onlySet.v = 5;
console.log(`setter-only read: ${onlySet.v} stored ${onlySet.stored}`);
const proto = { set name(v) { this._name = v.toUpperCase(); }, get name() { return this._name; } };
const child = Object.create(proto);
child.name = 'inherited setter';
console.log(`${child.name} own keys: ${Object.keys(child).join(',')}`);
const counter = {};
let reads = 0;
Object.defineProperty(counter, 'n', { get() { return ++reads; }, enumerable: true, configurable: true });
console.log(`${counter.n} ${counter.n} ${JSON.stringify(counter)}`);
const lazy = {
  get value() { const v = 'computed once'; Object.defineProperty(this, 'value', { value: v }); return v; },
};
console.log(`${lazy.value} ${typeof Object.getOwnPropertyDescriptor(lazy, 'value').get}`);
class WithAccessor { static get s() { return 'static getter'; } }
console.log(WithAccessor.s);
