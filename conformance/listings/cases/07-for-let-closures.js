// for (let ...) gives each iteration its own binding: the loop copies the scope per iteration, so each closure sees its own i.
const fns = [];
for (let i = 0; i < 3; i++) fns.push(() => i);
console.log(fns.map((f) => f()).join(','));
