// Annex B function-in-block semantics in function, eval and global code;
// for-in var initializers; a function call as an assignment target.
function show(label, value) { console.log(label + ': ' + value); }

// B.3.3: `if (x) function f() {}` is `if (x) { function f() {} }`; the
// function's inner name is the block's binding, the var copy is separate.
(function () {
  var a;
  if (true) function f() { a = f; f = 123; return 'called'; }
  show('if body in function code', f() + ' ' + typeof a + ' ' + typeof f);
})();
show('if body in global eval code', (0, eval)('var a2; if (true) function f2() { a2 = f2; f2 = 5; } f2(); typeof a2 + " " + typeof f2'));
show('else body', (0, eval)('if (false) ; else function f3() { return 3; } f3()'));

// B.3.2.3: a block function in direct eval code is copied to a var of the caller's var scope.
(function () {
  var after;
  eval('{ function inner() { return "declaration"; } } after = inner;');
  show('direct eval copy', typeof after + ' ' + after() + ' ' + typeof inner);
})();
(function () {
  var existing = 'old';
  eval('{ function existing() { return "new"; } }');
  show('direct eval existing var', typeof existing);
})();
(function () {
  eval('try { throw null; } catch (g) {{ function g() { return 123; } }}');
  show('copy skips the catch parameter', typeof g + ' ' + g());
})();

// Indirect eval: vars and functions are deletable globals, let stays inside.
(0, eval)('var iv = 1; function ifn() {} let il = 2;');
show('indirect eval var configurable', Object.getOwnPropertyDescriptor(globalThis, 'iv').configurable);
show('indirect eval function configurable', Object.getOwnPropertyDescriptor(globalThis, 'ifn').configurable);
show('indirect eval let is its own', typeof il);
show('delete indirect eval var', delete globalThis.iv);

// B.3.5: for (var a = init in o) assigns init once, before o is evaluated.
(function () {
  var effects = 0, stored, iterations = 0;
  for (var a = (++effects, -1) in stored = a, { x: 0, y: 1 }) ++iterations;
  show('for-in initializer', stored + ' ' + effects + ' ' + iterations + ' ' + a);
})();

// Runtime errors for function call assignment targets (sloppy code).
(function () {
  var calls = [];
  function f() { calls.push('f'); return {}; }
  function g() { calls.push('g'); return 1; }
  for (const [label, run] of [['f() = g()', () => { f() = g(); }], ['f()++', () => { f()++; }],
    ['f() += g()', () => { f() += g(); }], ['for (f() in o)', () => { for (f() in [1]); }]]) {
    calls.length = 0;
    try { run(); show(label, 'no error'); } catch (e) { show(label, e.constructor.name + ' after ' + calls.join(',')); }
  }
})();
