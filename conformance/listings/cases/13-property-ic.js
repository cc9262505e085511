// Named property reads go through inline caches (ic0, ic1...): after the first read, objects of the same shape hit the cache.
function getX(p) { return p.x; }
let total = 0;
for (let i = 0; i < 3; i++) total += getX({ x: i, y: 0 });
console.log(total);
