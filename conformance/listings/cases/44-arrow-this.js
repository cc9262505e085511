// Arrow functions have no own `this`: they read the enclosing function's this, captured like a variable.
function Timer() {
  this.ticks = 0;
  const tick = () => { this.ticks++; };
  tick();
  tick();
  return this.ticks;
}
console.log(new Timer().ticks);
