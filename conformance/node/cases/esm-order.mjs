// Evaluation order: dependencies first; a cycle runs the module reached
// last first (seeing the other's bindings uninitialized); top-level await
// holds back the modules that import it; dynamic import() loads later.
import './fixtures/esm/cycle-a.mjs';
import { readA } from './fixtures/esm/cycle-b.mjs';
import { ready } from './fixtures/esm/slow.mjs';
console.log('main runs after', ready, readA());
const lazy = await import('./fixtures/esm/counter.mjs');
console.log('dynamic import', lazy.count, typeof lazy.default);
const again = await import('./fixtures/esm/counter.mjs');
console.log('same namespace', lazy === again);
for (const bad of ['./fixtures/esm/missing.mjs', './fixtures/data.json', 'no-such-package']) {
  try { await import(bad); } catch (e) { console.log(bad, e.code); }
}
try { await import('./fixtures/esm/throws.mjs'); } catch (e) { console.log(e.name, e.message); }
console.log(await import('./fixtures/esm/commonjs.cjs'));
setTimeout(() => console.log('timer'), 0);
process.nextTick(() => console.log('nextTick'));
Promise.resolve().then(() => console.log('promise'));
