// for-of runs the iterator protocol: GetIterator, then IteratorNext until done, and closes the iterator on break.
let out = '';
for (const ch of ['a', 'b', 'c', 'd']) {
  if (ch === 'c') break;
  out += ch;
}
console.log(out);
