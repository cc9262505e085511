// A generator's frame is saved at each Yield and resumed by next(): its registers outlive the call.
function* count(n) {
  for (let i = 0; i < n; i++) yield i;
  return 'done';
}
const g = count(2);
console.log(JSON.stringify([g.next(), g.next(), g.next()]));
