// Generator return() and throw(): before start, mid-way, with finally, after completion.
function* g() { try { yield 1; yield 2; } finally { console.log('cleanup'); } }
const a = g();
console.log(`return before start: ${JSON.stringify(a.return('r0'))} then ${JSON.stringify(a.next())}`);
const b = g();
b.next();
console.log(`return mid-way: ${JSON.stringify(b.return('r1'))}`);
const c = g();
try { c.throw(new Error('before start')); } catch (e) { console.log(`throw before start propagates: ${e.message}`); }
console.log(`then done: ${JSON.stringify(c.next())}`);
const d = g();
d.next();
try { d.throw(new Error('mid')); } catch (e) { console.log(`throw mid-way: ${e.message}`); }
function* recovers() { for (;;) { try { yield 'waiting'; } catch (e) { console.log(`recovered from ${e}`); } } }
const r = recovers();
r.next();
console.log(`after throw: ${r.throw('x').value}`);
function* finallyYields() { try { yield 'a'; } finally { yield 'from finally'; console.log('finally resumed'); } }
const f = finallyYields();
f.next();
console.log(`return() stopped at yield in finally: ${JSON.stringify(f.return('ret'))}`);
console.log(`next resumes: ${JSON.stringify(f.next())}`);
function* overrides() { try { yield 1; } finally { return 'finally return wins'; } }
const o = overrides();
o.next();
console.log(JSON.stringify(o.return('ignored')));
const done = g();
[...done];
console.log(`return after completion: ${JSON.stringify(done.return('late'))}`);
