// Direct eval sees the caller's variables: the caller keeps them in a heap scope so eval's code can find them by name.
function f() {
  const secret = 42;
  return eval('secret + 1');
}
console.log(f());
