function* counter(limit) {
  for (let i = 0; i < limit; i++) {
    yield i;
  }
  return 'done';
}
const it = counter(2);
debugger;
const a = it.next();
const b = it.next();
console.log(a.value, b.value, it.next().done);
