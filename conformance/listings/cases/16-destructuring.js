// Destructuring: object patterns read named properties, array patterns step an iterator, defaults apply to undefined.
const { a, b: renamed = 5, ...rest } = { a: 1, c: 3, d: 4 };
const [first, , third = 'none'] = ['x', 'y'];
console.log(a, renamed, Object.keys(rest).join(','), first, third);
