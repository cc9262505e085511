// EventEmitter as Node 20 has it: _events shape, statics, once/on, errors, listener counts; EventTarget, Event, AbortController, DOMException, atob/btoa.
const E = require('events');
const e = new E(); e.on('a', () => {}); console.log(e); e.on('a', function f() {}); console.log(e._events);
console.log(Object.keys(E));
class X extends E {} console.log(new X());
e.emit('a', 1);
E.once(e, 'b').then((args) => console.log('once', args)); e.emit('b', 1, 2);
const ac = new AbortController(); console.log(ac, ac.signal); ac.abort(); console.log(ac.signal.aborted, ac.signal.reason.name);
const ev = new Event('x', { cancelable: true }); const t = new EventTarget();
t.addEventListener('x', (event) => { console.log('got', event.type, event.target === t, event.eventPhase); event.preventDefault(); }, { once: true });
console.log(t.dispatchEvent(ev), ev.defaultPrevented, t.dispatchEvent(new Event('x')));
console.log(new DOMException('m', 'AbortError').code, btoa('hello'), atob('aGVsbG8='));
try { atob('a'); } catch (err) { console.log(err.name, err.message); }
(async () => { for await (const [v] of E.on(e, 'tick')) { console.log('tick', v); if (v === 2) break; } console.log('done'); })();
e.emit('tick', 1); e.emit('tick', 2);
try { e.emit('error', new Error('unhandled')); } catch (err) { console.log('threw', err.message); }
try { e.emit('error', 'str'); } catch (err) { console.log(err.code, err.message); }
E.defaultMaxListeners = 1; const w = new E(); w.on('x', () => {}); w.on('x', () => {});
console.log(E.listenerCount(w, 'x'), w.eventNames(), w.listenerCount('x'));
