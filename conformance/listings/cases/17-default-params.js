// Default parameters are evaluated in the call, in order, when the argument is undefined; they may use earlier ones.
function greet(name = 'world', greeting = 'hello ' + name) {
  return greeting;
}
console.log(greet(), greet('glass'), greet(undefined, 'hi'));
