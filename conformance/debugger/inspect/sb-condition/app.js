const seen = [];
for (let i = 0; i < 10; i++) {
  seen.push(i * i);
}
console.log(seen.length);
