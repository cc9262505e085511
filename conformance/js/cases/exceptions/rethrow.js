// Rethrowing, throwing from catch, and errors crossing function frames.
function level3() { throw new TypeError('from level3'); }
function level2() { try { level3(); } catch (e) { e.message += ' (seen by level2)'; throw e; } }
function level1() { try { level2(); } catch (e) { return `${e.name}: ${e.message}`; } }
console.log(level1());
function errorInCatch() {
  try { throw new Error('first'); } catch (e) { throw new RangeError(`second, caused while handling ${e.message}`); }
}
try { errorInCatch(); } catch (e) { console.log(`${e.name}: ${e.message}`); }
function errorInCatchWithFinally() {
  const order = [];
  try {
    try { throw new Error('a'); } catch (e) { order.push('catch'); throw new Error('b'); } finally { order.push('finally'); }
  } catch (e) { order.push(`outer ${e.message}`); }
  return order.join(',');
}
console.log(errorInCatchWithFinally());
const same = new Error('identity');
try { try { throw same; } catch (e) { throw e; } } catch (e) { console.log(`same object: ${e === same}`); }
function thrower() { throw { custom: true }; }
try { thrower(); } catch (e) { console.log(`plain object thrown: ${e.custom}`); }
try { null.prop; } catch (e) { console.log(`engine TypeError: ${e instanceof TypeError} ${e.constructor === TypeError}`); }
try { undefinedFunction(); } catch (e) { console.log(`engine ReferenceError: ${e instanceof ReferenceError}`); }
try { (void 0)(); } catch (e) { console.log(`calling undefined: ${e.name}`); }
try { new Array(-1); } catch (e) { console.log(`bad array length: ${e.name}`); }
try { (1).toFixed(101); } catch (e) { console.log(`toFixed range: ${e.name}`); }
try { eval('1 +'); } catch (e) { console.log(`eval syntax: ${e.name}`); }
try { decodeURIComponent('%'); } catch (e) { console.log(`URI: ${e.name}`); }
