// util.styleText: one style, a list, validateStream, and bad arguments
const util = require('util');
const show = (f) => { try { console.log(JSON.stringify(f())); } catch (e) { console.log(e.name, e.code, e.message.split('\n')[0].slice(0, 120)); } };
show(() => util.styleText('red', 'x'));
show(() => util.styleText(['bold', 'red'], 'x'));
show(() => util.styleText('red', 'x', { validateStream: false }));
show(() => util.styleText('nope', 'x'));
show(() => util.styleText('red', 5));
show(() => util.styleText('red', 'x', { stream: {} }));
show(() => util.styleText('red', 'x', { validateStream: 1 }));
