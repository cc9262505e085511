// switch: strict equality, fallthrough, default in the middle, evaluation order, scoping.
function classify(v) {
  const out = [];
  switch (v) {
    case 1: out.push('one');
    case 2: out.push('two'); break;
    default: out.push('default');
    case 3: out.push('three'); break;
    case '1': out.push('string one'); break;
  }
  return out.join('+');
}
console.log([1, 2, 3, 4, '1', '2'].map(classify).join(' | '));
const order = [];
const val = (x) => { order.push(x); return x; };
switch (val(3)) { case val(1): break; case val(3): break; case val(5): break; }
console.log(`cases evaluated lazily: ${order.join(',')}`);
switch (NaN) { case NaN: console.log('NaN matched'); break; default: console.log('NaN never matches'); }
switch (-0) { case 0: console.log('-0 matches 0'); }
function ret(x) { switch (x) { case 'a': return 'returned a'; default: return 'returned default'; } }
console.log(`${ret('a')} ${ret('z')}`);
switch (1) { }
switch ('x') { default: console.log('only default'); }
let loopOut = '';
for (let i = 0; i < 4; i++) { switch (i) { case 1: continue; case 3: break; default: loopOut += i; } loopOut += '.'; }
console.log(`continue inside switch: ${loopOut}`);
