// Global functions and values: globalThis, NaN/Infinity/undefined, URI functions, isNaN/isFinite.
console.log(`${typeof globalThis} ${globalThis.Array === Array} ${globalThis.globalThis === globalThis}`);
console.log(`${NaN} ${Infinity} ${undefined} ${typeof NaN}`);
const nanDesc = Object.getOwnPropertyDescriptor(globalThis, 'NaN');
console.log(`NaN is read-only: ${nanDesc.writable} ${nanDesc.configurable}`);
console.log(`encodeURIComponent: ${encodeURIComponent('a b&c/d?e=é\u{1F600}')}`);
console.log(`encodeURI: ${encodeURI('http://x.y/a b?q=1&r=é#h')}`);
console.log(`decodeURIComponent: ${decodeURIComponent('%F0%9F%98%80%20%26')} decodeURI keeps reserved: ${decodeURI('%26%20')}`);
try { encodeURIComponent('\uD800'); } catch (e) { console.log(`lone surrogate: ${e.name}`); }
console.log(`escape/unescape: ${escape('a b+é')} ${unescape('%u0041%42')}`);
console.log(`global functions: ${[parseInt, parseFloat, isNaN, isFinite, eval].map((f) => f.name).join(',')}`);
console.log(`globalThis property descriptor: ${JSON.stringify(Object.getOwnPropertyDescriptor(globalThis, 'globalThis'), ['writable', 'enumerable', 'configurable'])}`);
console.log(`constructors are non-enumerable globals: ${Object.keys(globalThis).includes('Array')}`);
