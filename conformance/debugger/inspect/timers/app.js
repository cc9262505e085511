let ticks = 0;
const handle = setInterval(() => {
  ticks++;
  if (ticks === 2) clearInterval(handle);
}, 5);
setTimeout(function later() {
  console.log('later ran after', ticks, 'ticks');
}, 30);
console.log('scheduled');
