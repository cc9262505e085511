// Direct eval reaches every scope of its caller: parameters, block lets, closures, this in arrows, new.target, super, nested eval, with.
function params(a, b) { eval('a = a * 10'); return `${a} ${eval('b')} ${eval('typeof arguments')}`; }
console.log(params(1, 'two'));
function blocks() { const out = []; for (let i = 0; i < 3; i++) { let sq = i * i; out.push(eval('`${i}:${sq}`')); } return out.join(' '); }
console.log(blocks());
function closures() { let count = 0; const inc = eval('() => ++count'); inc(); inc(); return `${count} ${eval('count')}`; }
console.log(closures());
function declaresFunction() { eval('function helper(x) { return x + 1; }'); return `${typeof helper} ${helper(1)}`; }
console.log(declaresFunction());
function varThenRead() { eval('var late = "late var"'); const read = () => late; return read(); }
console.log(varThenRead());
const holder = { name: 'holder', arrow() { return (() => eval('this.name'))(); } };
console.log(holder.arrow());
function Maker() { this.seen = eval('new.target === Maker'); }
console.log(String(new Maker().seen));
class Base { greet() { return 'base greet'; } }
class Derived extends Base { greet() { return eval('super.greet()') + ' via eval'; } }
console.log(new Derived().greet());
function nested() { var depth = 'outer'; return eval('var depth2 = depth + "/inner"; eval("depth2 + \'/innermost\'")'); }
console.log(nested());
function withAndEval(o) { with (o) { return eval('prop + " from with"'); } }
console.log(withAndEval({ prop: 'prop' }));
function clash() { let taken = 1; try { eval('var taken = 2'); return 'no error'; } catch (e) { return `${e.name} ${taken}`; } }
console.log(clash());
function constFromEval() { const fixed = 1; try { eval('fixed = 2'); } catch (e) { return `${e.name} ${fixed}`; } return 'assigned'; }
console.log(constFromEval());
function tdz() { try { eval('early'); } catch (e) { return e.name; } let early = 1; return 'read'; }
console.log(tdz());
function shadowGlobal() { eval('var Math = "shadowed"'); return Math; }
console.log(shadowGlobal() + ' ' + typeof Math.max);
function deleteEvalVar() { eval('var gone = 1'); const deleted = delete gone; return `${deleted} ${typeof gone}`; }
console.log(deleteEvalVar());
function evalInLoop() { let total = 0; for (let i = 0; i < 1000; i++) total += eval('i'); return total; }
console.log(`eval in a loop: ${evalInLoop()}`);
