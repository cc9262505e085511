const list = [3, 1, 2];
list.sort((a, b) => {
  return a - b;
});
console.log(list);
