// A throw unwinds frames until a handler: inner() has none, so the exception leaves it and outer()'s catch takes it.
function inner() { throw new TypeError('bad'); }
function middle() { return inner() + 1; }
function outer() {
  try { return middle(); } catch (e) { return e.name; }
}
console.log(outer());
