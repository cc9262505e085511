// A captured variable moves to a heap scope: PushScope makes it, GetScoped/SetScoped reach it at (depth, slot).
function counter() {
  let n = 0;
  return () => ++n;
}
const next = counter();
next();
console.log(next());
