try { notDefined; } catch (e) { console.log('line 1:', /:(\d+:\d+)\)?$/.exec(e.stack.split('\n')[1])[1]); }
// Positions in a CommonJS module's stack traces count from the file's own
// text (the wrapper Node and glass put around it does not shift line 1).
function f() {
  return new Error('made in f');
}
console.log('line 5:', /:(\d+:\d+)\)?$/.exec(f().stack.split('\n')[1])[1]);
