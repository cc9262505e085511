// if/else chains, truthiness of every kind of value, dangling else.
const values = [0, -0, 1, '', ' ', '0', 'false', null, undefined, NaN, [], {}, 0n, 1n, Symbol(), () => 0, Infinity];
console.log(values.map((v) => (v ? 'T' : 'F')).join(''));
function grade(n) {
  if (n >= 90) return 'A';
  else if (n >= 80) return 'B';
  else if (n >= 70) return 'C';
  else return 'F';
}
console.log([95, 85, 75, 10].map(grade).join(''));
function dangling(a, b) { let r = 'none'; if (a) if (b) r = 'both'; else r = 'a only'; return r; }
console.log(`${dangling(true, true)} ${dangling(true, false)} ${dangling(false, true)}`);
if (false) ; else console.log('empty then-branch');
let x = 0;
if (x++, x) console.log(`comma condition: ${x}`);
console.log(`document.all-free: ${typeof document}`);
console.log(`!!: ${!!'a'} ${!0} ${!!NaN}`);
console.log(`&& ||: ${0 && 'x'} ${1 && 'x'} ${'' || 'fallback'} ${'v' || 'fallback'} ${null || undefined}`);
