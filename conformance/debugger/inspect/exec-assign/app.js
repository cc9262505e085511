function decide(flag) {
  let answer = flag ? 'yes' : 'no';
  debugger;
  return answer;
}
console.log(decide(false));
