// if/else compiles to a conditional jump over the then-branch and a jump over the else-branch.
function sign(x) {
  if (x < 0) return -1;
  else if (x > 0) return 1;
  else return 0;
}
console.log(sign(-5), sign(0), sign(9));
