// An array literal is NewArray over a run of registers; a spread appends through the iterator protocol instead.
const head = [1, 2];
const all = [0, ...head, 3];
console.log(all.length, all.join(','));
