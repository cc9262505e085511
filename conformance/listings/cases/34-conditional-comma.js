// The conditional operator is an if/else that leaves its value in one register; the comma keeps only the last value.
function classify(n) { return n % 2 === 0 ? 'even' : 'odd'; }
let k = (classify(1), classify(2));
console.log(k);
