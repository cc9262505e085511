// a[i] is GetIndexed/SetIndexed: dense arrays take the element fast path, other keys become property keys.
const a = [10, 20, 30];
a[1] = a[0] + a[2];
const o = {};
o['k' + 1] = a[1];
console.log(a.join(','), o.k1);
