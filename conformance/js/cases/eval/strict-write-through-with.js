// A strict function writing a name its sloppy caller's `with` object or eval
// var supplies checks the binding still exists first (CheckBindingExists,
// §9.1.1.2.5). Under --gc-stress this once hung: GCC's computed-goto dispatch
// left that instruction's Rooted handle registered after it went out of scope.
var o = { x: 1 };
with (o) {
  (function () { 'use strict'; for (var i = 0; i < 3; i++) x = i + 10; })();
}
console.log(o.x);
function f() { eval('var y = 1'); return function () { 'use strict'; y = 5; return y; }; }
console.log(f()());
var gone = { z: 1 };
with (gone) {
  try {
    (function () { 'use strict'; delete gone.z; z = 2; })();
  } catch (e) {
    console.log(e.constructor.name);
  }
}
console.log('z' in gone, typeof z);
