// The temporal dead zone: a let read before its declaration runs hits CheckInitialized and throws a ReferenceError.
function f() {
  try {
    return x;
  } catch (e) {
    return e.name;
  } finally {
    // x is declared below; until that line runs its slot holds <empty>
  }
  let x = 1;
}
console.log(f());
