// Differences between strict and sloppy code, each checked inside a function.
function sloppyAssignUndeclared() { implicitGlobalForTest = 1; return typeof implicitGlobalForTest; }
function strictAssignUndeclared() { 'use strict'; try { implicitStrict = 1; return 'created'; } catch (e) { return e.name; } }
console.log(`undeclared assignment: sloppy ${sloppyAssignUndeclared()}, strict ${strictAssignUndeclared()}`);
const frozen = Object.freeze({ p: 1 });
function sloppyWrite() { frozen.p = 2; return frozen.p; }
function strictWrite() { 'use strict'; try { frozen.p = 2; return 'no error'; } catch (e) { return e.name; } }
console.log(`write frozen: sloppy ${sloppyWrite()}, strict ${strictWrite()}`);
function sloppyDelete() { return delete Object.prototype; }
function strictDelete() { 'use strict'; try { return delete Object.prototype; } catch (e) { return e.name; } }
console.log(`delete non-configurable: sloppy ${sloppyDelete()}, strict ${strictDelete()}`);
function sloppyAddToPrimitive() { const s = 'str'; s.prop = 1; return typeof s.prop; }
function strictAddToPrimitive() { 'use strict'; const s = 'str'; try { s.prop = 1; return 'no error'; } catch (e) { return e.name; } }
console.log(`property on primitive: sloppy ${sloppyAddToPrimitive()}, strict ${strictAddToPrimitive()}`);
function sloppyThis() { return typeof this; }
function strictThis() { 'use strict'; return typeof this; }
console.log(`this in plain call: sloppy ${sloppyThis()}, strict ${strictThis()}`);
const syntaxChecks = [
  ['with', 'with ({}) {}'], ['octal literal', 'var n = 010;'], ['octal escape', "var s = '\\01';"],
  ['delete identifier', 'var v; delete v;'], ['duplicate params', 'function f(a, a) {}'],
  ['eval as name', 'var eval = 1;'], ['arguments assignment', 'arguments = 1;'],
  ['reserved word', 'var implements = 1;'],
];
for (const [label, src] of syntaxChecks) {
  let sloppy, strict;
  try { new Function(src); sloppy = 'ok'; } catch (e) { sloppy = e.name; }
  try { new Function(`'use strict'; ${src}`); strict = 'ok'; } catch (e) { strict = e.name; }
  console.log(`${label}: sloppy ${sloppy}, strict ${strict}`);
}
function evalVars() { 'use strict'; eval('var fromEval = 1;'); return typeof fromEval; }
function sloppyEvalVars() { eval('var fromEval = 1;'); return typeof fromEval; }
console.log(`eval var leaks: sloppy ${sloppyEvalVars()}, strict ${evalVars()}`);
function withStatement() { const o = { wx: 'from with' }; with (o) { return wx; } }
console.log(`with in sloppy: ${withStatement()}`);
function notDirective() { 'use\x20strict'; return typeof this; }
console.log(`an escaped 'use strict' is not a Use Strict Directive: ${notDirective()}`);
function lateDirective() { const x = 1; 'use strict'; return typeof this; }
console.log(`directive after a statement is ignored: ${lateDirective()}`);
