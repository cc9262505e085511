// Labeled break and continue jump out of nested loops: each is a Jump to the right loop's end or next step.
const found = [];
outer: for (let i = 0; i < 3; i++) {
  for (let j = 0; j < 3; j++) {
    if (j === i) continue outer;
    if (i === 2 && j === 1) break outer;
    found.push(`${i}${j}`);
  }
}
console.log(found.join(' '));
