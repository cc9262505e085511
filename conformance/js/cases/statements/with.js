// The with statement: names found on the object first, this for calls, var initializers through it, closures, unscopables, typeof/delete, break out.
var o = { x: 1, f() { return this === o; } };
var x = 'global x';
function t() {
  var y = 'local y';
  with (o) {
    console.log(String(x), String(f()), typeof x, typeof nope);
    x = 2;
    y = 'changed';
    var z = 3;
    const inner = () => x;
    console.log(String(inner()));
  }
  console.log(String(o.x), y, String(z), x);
  with ({ y: 'from with' }) { console.log(y); (function () { console.log(y); })(); }
  const u = { a: 1, [Symbol.unscopables]: { a: true } };
  var a = 'outer a';
  with (u) console.log(a);
  with (o) { delete x; }
  console.log(String('x' in o));
  for (let i = 0; i < 3; i++) with ({ i: 'w' + i }) { console.log(i); if (i === 'w1') break; }
  try { with (null) {} } catch (e) { console.log(e.name); }
  const target = { value: 'on object' };
  with (target) { var value = 'assigned'; }
  console.log(target.value, String(value));
  const fns = [];
  with ({ n: 'captured' }) fns.push(() => n);
  console.log(fns[0]());
  with (Object.create({ inherited: 'from proto' })) console.log(inherited);
  with ({ x: 'shadow' }) { with ({ w: 'inner' }) console.log(x + ' ' + w); }
}
t();
