// Order of try/catch/finally, with and without an exception, and optional catch binding.
const log = [];
function run(shouldThrow) {
  try {
    log.push('try');
    if (shouldThrow) throw new Error('thrown');
    log.push('try end');
  } catch (e) {
    log.push(`catch ${e.message}`);
  } finally {
    log.push('finally');
  }
  log.push('after');
}
run(false);
console.log(log.join(' > '));
log.length = 0;
run(true);
console.log(log.join(' > '));
try { throw 'a string'; } catch (e) { console.log(`primitive thrown: ${typeof e} ${e}`); }
try { throw undefined; } catch (e) { console.log(`undefined thrown: ${e}`); }
try { throw new Error('x'); } catch { console.log('optional catch binding'); }
let e = 'outer e';
try { throw 'inner'; } catch (e) { e = 'reassigned'; }
console.log(`catch parameter is scoped: ${e}`);
try { try { throw new Error('deep'); } finally { console.log('inner finally first'); } } catch (err) { console.log(`then outer catch: ${err.message}`); }
function loopWithFinally() {
  const out = [];
  for (let i = 0; i < 3; i++) {
    try { if (i === 1) continue; if (i === 2) break; out.push(`body${i}`); } finally { out.push(`fin${i}`); }
  }
  return out.join(',');
}
console.log(`continue/break run finally: ${loopWithFinally()}`);
