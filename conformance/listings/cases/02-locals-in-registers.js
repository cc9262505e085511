// A function's locals live in registers (r0, r1...) when nothing captures them: no scope object is made.
function area(w, h) {
  const a = w * h;
  return a;
}
console.log(area(3, 4));
