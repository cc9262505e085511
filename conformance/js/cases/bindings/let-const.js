// Block scoping of let/const, shadowing, per-iteration bindings.
let x = 'outer';
{
  let x = 'inner';
  console.log(`block: ${x}`);
}
console.log(`after block: ${x}`);
const fns = [];
for (let i = 0; i < 3; i++) fns.push(() => i);
console.log(`let loop closures: ${fns.map((f) => f()).join(',')}`);
const vfns = [];
for (var j = 0; j < 3; j++) vfns.push(() => j);
console.log(`var loop closures: ${vfns.map((f) => f()).join(',')}`);
const ofFns = [];
for (const v of ['a', 'b']) ofFns.push(() => v);
console.log(`for-of const closures: ${ofFns.map((f) => f()).join(',')}`);
const inFns = [];
for (const k in { p: 1, q: 2 }) inFns.push(() => k);
console.log(`for-in const closures: ${inFns.map((f) => f()).join(',')}`);
const obj = { n: 1 };
obj.n = 2;
console.log(`const object is mutable: ${obj.n}`);
const counters = [];
for (let i = 0; i < 3; i++) { counters.push(() => i); i++; }
console.log(`increment inside body: ${counters.map((f) => f()).join(',')}`);
switch (1) {
  case 1: { let y = 'case block'; console.log(y); }
}
