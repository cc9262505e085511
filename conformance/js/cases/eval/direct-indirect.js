// Direct eval sees local scope; indirect eval runs in the global scope.
const outerName = 'module-or-script level';
function direct() { const local = 'local'; return eval('local + " via direct eval"'); }
function indirect() { const local = 'local'; try { return (0, eval)('local'); } catch (e) { return e.name; } }
console.log(direct());
console.log(`indirect cannot see locals: ${indirect()}`);
function declares() { eval('var declared = "declared in function by eval"'); return declared; }
console.log(declares());
(0, eval)('var globalFromIndirect = "global var"');
console.log(`indirect var is global: ${typeof globalFromIndirect} ${globalThis.globalFromIndirect}`);
console.log(`completion values: ${eval('1; 2; 3')} ${eval('if (true) "then"; else "else"')} ${eval('')} ${eval('var q = 1')}`);
console.log(`non-string argument returned: ${eval(42)} ${typeof eval({})}`);
function letScoped() { eval('let inner = 1'); return typeof inner; }
console.log(`let in eval stays inside: ${letScoped()}`);
const e = eval;
console.log(`aliased eval is indirect: ${(function () { const local = 1; try { return e('local'); } catch (err) { return err.name; } })()}`);
function thisInEval() { return eval('this'); }
console.log(`this in direct eval: ${thisInEval.call('x') instanceof String} ${typeof thisInEval.call({ tag: 1 }).tag}`);
function strictEval() { 'use strict'; eval('var x = 1'); return typeof x; }
console.log(`strict caller keeps eval vars inside: ${strictEval()}`);
try { eval('}'); } catch (err) { console.log(`syntax error: ${err instanceof SyntaxError}`); }
console.log(`function in eval: ${eval('(function (a) { return a * 2; })')(21)}`);
