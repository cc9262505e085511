// Labels: break/continue out of nested loops, labelled blocks, labels on non-loops.
const pairs = [];
outer: for (let i = 0; i < 4; i++) {
  inner: for (let j = 0; j < 4; j++) {
    if (j === 2) continue outer;
    if (i === 3) break outer;
    pairs.push(`${i}${j}`);
  }
}
console.log(pairs.join(' '));
block: {
  console.log('in block');
  if (pairs.length) break block;
  console.log('never printed');
}
console.log('after block');
let n = 0;
loop: while (true) {
  do { n++; if (n > 5) break loop; } while (n % 2);
}
console.log(`n=${n}`);
a: b: for (let i = 0; i < 3; i++) { if (i === 1) continue a; if (i === 2) break b; }
console.log('stacked labels ok');
function f() { lbl: { try { break lbl; } finally { console.log('finally runs on labelled break'); } } return 'done'; }
console.log(f());
