// What finally does to completions: overriding return, swallowing throws, and return values.
function overrideReturn() { try { return 'try'; } finally { return 'finally'; } }
function swallowThrow() { try { throw new Error('lost'); } finally { return 'finally wins'; } }
function keepReturn() { let x = 'initial'; try { return x; } finally { x = 'changed in finally'; } }
function throwOverridesReturn() { try { return 'try'; } finally { throw new Error('from finally'); } }
function breakInFinally() { for (;;) { try { return 'never'; } finally { break; } } return 'after loop'; }
function catchReturnFinally() { try { throw 1; } catch (e) { return 'catch'; } finally { console.log('finally ran before catch return completed'); } }
function nestedFinally() {
  const order = [];
  try { try { return order; } finally { order.push('inner'); } } finally { order.push('outer'); }
}
console.log(overrideReturn());
console.log(swallowThrow());
console.log(keepReturn());
try { throwOverridesReturn(); } catch (e) { console.log(`thrown: ${e.message}`); }
console.log(breakInFinally());
console.log(catchReturnFinally());
console.log(`nested: ${nestedFinally().join(',')}`);
function* gen() { try { yield 1; yield 2; } finally { console.log('generator finally on return()'); } }
const g = gen();
g.next();
console.log(JSON.stringify(g.return('early')));
