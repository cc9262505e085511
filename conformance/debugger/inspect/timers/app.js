let ticks = 0;
const handle = setInterval(() => {
  ticks++;
  if (ticks === 2) {
    clearInterval(handle);
    setTimeout(function later() {
      console.log('later ran after', ticks, 'ticks');
    }, 5);
  }
}, 5);
console.log('scheduled');
