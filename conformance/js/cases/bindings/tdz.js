// The temporal dead zone: reading or writing let/const/class before initialisation.
function attempt(label, fn) {
  try { console.log(`${label}: ${fn()}`); } catch (e) { console.log(`${label}: ${e.name} ${e instanceof ReferenceError}`); }
}
attempt('read let before', () => { const r = before; let before = 1; return r; });
attempt('write let before', () => { later = 2; let later; return 'no error'; });
attempt('typeof in TDZ', () => { const t = typeof z; let z; return t; });
attempt('class before', () => { new K(); class K {} });
attempt('closure called early', () => { const f = () => v; const r = f(); const v = 1; return r; });
attempt('closure called late', () => { const f = () => v; const v = 1; return f(); });
attempt('self reference', () => { let s = s + 1; return s; });
attempt('default param TDZ', () => { function g(a = b, b = 1) { return a; } return g(); });
attempt('default param ok', () => { function g(a = 1, b = a + 1) { return b; } return g(); });
attempt('const assign', () => { const c = 1; c = 2; return c; });
attempt('const compound assign', () => { const c = 1; c += 1; return c; });
attempt('shadow in switch', () => { let s = 1; switch (s) { case 1: return s2; case 2: let s2 = 5; } });
const blockFn = () => { { f(); function f() {} } return 'block function ok'; };
attempt('block function', blockFn);
