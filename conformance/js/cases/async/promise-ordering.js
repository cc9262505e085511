// Job ordering of promise reactions, thenables (one extra tick), and async returns.
const out = [];
const log = (s) => out.push(s);
Promise.resolve().then(() => log('A1')).then(() => log('A2')).then(() => log('A3'));
Promise.resolve().then(() => log('B1')).then(() => log('B2')).then(() => log('B3'));
new Promise((r) => r(Promise.resolve())).then(() => log('resolved with a promise'));
Promise.resolve({ then(r) { log('thenable then called'); r(); } }).then(() => log('after thenable'));
(async () => { log('async body'); await undefined; log('after await'); })();
(async () => Promise.resolve())().then(() => log('async returning a promise'));
log('sync');
Promise.resolve().then(() => Promise.resolve().then(() => Promise.resolve())).then(() => {
  Promise.resolve().then(() => Promise.resolve()).then(() => {
    for (let i = 0; i < 5; i++) Promise.resolve();
    setTimeoutFree();
  });
});
function setTimeoutFree() {
  let p = Promise.resolve();
  for (let i = 0; i < 20; i++) p = p.then(() => {});
  p.then(() => console.log(out.join('\n')));
}
