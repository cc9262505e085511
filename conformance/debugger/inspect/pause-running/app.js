let spins = 0;
const until = Date.now() + 60000;
while (Date.now() < until && spins < 1e12) spins++;
console.log('stopped spinning');
