let count = 0;
const items = [];
for (let i = 0; i < 3; i++) {
  count += 2;
  items.push(count);
}
console.log(items);
