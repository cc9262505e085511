// perf_hooks and the performance global: marks, measures, entries, observers, timerify, errors
const { performance, PerformanceObserver, monitorEventLoopDelay } = require('perf_hooks');
console.log(typeof performance.now(), performance.now() >= 0, typeof performance.timeOrigin, performance.timeOrigin > 1.6e12);
performance.mark('a'); performance.mark('b', { detail: { x: 1 } });
const m = performance.measure('a-b', 'a', 'b');
console.log(m.name, m.entryType, m.duration >= 0, performance.getEntriesByName('b')[0].detail);
console.log(performance.getEntriesByType('mark').map((e) => e.name));
performance.clearMarks(); console.log(performance.getEntriesByType('mark').length);
try { performance.measure('x', 'nope'); } catch (e) { console.log(e.name, e.code, e.message); }
try { performance.mark('x', { startTime: -1 }); } catch (e) { console.log(e.name, e.code, e.message); }
console.log(Object.keys(performance.toJSON()));
console.log(typeof globalThis.performance, performance === globalThis.performance);
const obs = new PerformanceObserver((list, o) => { console.log('obs', list.getEntries().map((e) => e.name)); o.disconnect(); });
obs.observe({ entryTypes: ['mark'] });
performance.mark('late');
const fn = performance.timerify(function f(a) { return a * 2; }); console.log(fn(2), fn.name, fn.length);
console.log(performance.eventLoopUtilization ? 'elu' : 'no elu');
