// for, while, do-while, break/continue, empty bodies, comma expressions in headers.
let out = [];
for (let i = 0, j = 10; i < j; i += 3, j -= 1) out.push(`${i}:${j}`);
console.log(out.join(' '));
let n = 0;
while (n < 5) { n++; if (n === 2) continue; if (n === 4) break; out.push(`w${n}`); }
console.log(`while: ${out.slice(-2).join(' ')} n=${n}`);
let d = 0;
do { d++; } while (d < 0);
console.log(`do-while runs once: ${d}`);
let k = 0;
do k += 2; while (k < 7)
console.log(`do-while without braces and semicolon: ${k}`);
let count = 0;
for (;;) { if (++count > 4) break; }
console.log(`for(;;) with break: ${count}`);
let sum = 0;
for (let i = 0; i < 10; i++) { if (i % 2) continue; sum += i; }
console.log(`continue: ${sum}`);
let empty = 0;
for (; empty < 3; empty++);
console.log(`empty body: ${empty}`);
const nested = [];
for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) { if (j > i) break; nested.push(`${i}${j}`); }
console.log(`nested: ${nested.join(',')}`);
let w = 3, trace = '';
while (w--) trace += w;
console.log(`post-decrement condition: ${trace} w=${w}`);
