// A signal with a listener is an event, not the end of the process.
const keepAlive = setInterval(() => {}, 1000);
process.on('SIGINT', (name) => {
  console.log('got', name);
  clearInterval(keepAlive);
});
process.on('exit', (code) => console.log('exit', code));
console.log('sending', process.kill(process.pid, 'SIGINT'));
try { process.kill(process.pid, 'SIGNOPE'); } catch (e) { console.log(e.name); }
