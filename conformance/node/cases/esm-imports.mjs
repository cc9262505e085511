// ES modules: named, default and namespace imports, live bindings,
// re-exports, built-in and CommonJS modules, JSON, import.meta.
import Counter, { count, increment, a, c } from './fixtures/esm/counter.mjs';
import * as ns from './fixtures/esm/reexport.mjs';
import reexportDefault, { total, bump, CounterClass, counterNs } from './fixtures/esm/reexport.mjs';
import path, { join } from 'node:path';
import { EventEmitter } from 'events';
import cjs, { greet, version } from './fixtures/esm/commonjs.cjs';
import data from './fixtures/data.json' with { type: 'json' };

console.log(count, total);
increment();
bump();
console.log(count, total, ns.count);
console.log(typeof Counter, Counter === CounterClass, a, c);
console.log(reexportDefault, Object.keys(ns));
console.log(counterNs.count, counterNs === ns.counterNs);
console.log(ns);
console.log(Object.prototype.toString.call(ns), Object.isExtensible(ns), Object.getPrototypeOf(ns));
console.log(Object.getOwnPropertyDescriptor(ns, 'count'));
try { ns.count = 5; } catch (e) { console.log(e.name); }
try { delete ns.count; } catch (e) { console.log(e.name); }
try { count = 1; } catch (e) { console.log(e.name, e.message); }
console.log(join('a', 'b'), path.basename('/x/y.txt'), typeof EventEmitter);
console.log(greet('esm'), version, cjs.version, Object.keys(cjs));
console.log(data);
console.log(import.meta.url.startsWith('file:///'), import.meta.url.endsWith('/esm-imports.mjs'));
console.log(path.basename(import.meta.filename), path.basename(import.meta.dirname));
console.log(typeof this, typeof require, typeof module);
