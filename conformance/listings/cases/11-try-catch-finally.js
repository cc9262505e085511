// try/catch/finally: the handler table maps a range of instructions to its catch; finally runs on every way out.
function run(fail) {
  const log = [];
  try {
    log.push('try');
    if (fail) throw new Error('boom');
  } catch (e) {
    log.push('catch ' + e.message);
  } finally {
    log.push('finally');
  }
  return log.join(' > ');
}
console.log(run(false));
console.log(run(true));
