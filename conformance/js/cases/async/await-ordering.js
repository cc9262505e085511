// The order of synchronous code, promise reactions and await continuations.
const log = (s) => console.log(s);
async function a1() { log('a1 start'); await a2(); log('a1 after await'); }
async function a2() { log('a2'); }
log('script start');
setTimeoutLike(() => log('macrotask-like callback (a resolved promise chain) last'));
a1();
new Promise((resolve) => { log('promise executor'); resolve(); }).then(() => log('then 1')).then(() => log('then 2'));
log('script end');
function setTimeoutLike(fn) { let p = Promise.resolve(); for (let i = 0; i < 10; i++) p = p.then(() => {}); p.then(fn); }
