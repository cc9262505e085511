// A while loop: the test at the top, a backward Jump at the bottom (a loop edge the debugger's loop breakpoints see).
let i = 0, sum = 0;
while (i < 4) {
  sum += i;
  i++;
}
console.log(sum);
