// Array searching and slicing: indexOf/lastIndexOf/includes/find*/at/slice/concat/join.
const a = [1, 2, NaN, 3, 2, undefined, -0];
console.log(`indexOf: ${a.indexOf(2)} ${a.indexOf(2, 2)} ${a.indexOf(NaN)} ${a.indexOf(0)} ${a.indexOf(9)} ${a.indexOf(2, -3)}`);
console.log(`lastIndexOf: ${a.lastIndexOf(2)} ${a.lastIndexOf(2, 3)} ${a.lastIndexOf(1, -100)}`);
console.log(`includes: ${a.includes(NaN)} ${a.includes(undefined)} ${a.includes(0)} ${a.includes(1, 1)}`);
const people = [{ n: 'a', age: 30 }, { n: 'b', age: 17 }, { n: 'c', age: 45 }];
console.log(`find: ${people.find((p) => p.age > 18).n} findIndex: ${people.findIndex((p) => p.age < 18)} missing: ${people.find((p) => p.age > 99)} ${people.findIndex(() => false)}`);
console.log(`findLast: ${people.findLast((p) => p.age > 18).n} findLastIndex: ${people.findLastIndex((p) => p.age > 18)}`);
console.log(`at: ${a.at(0)} ${a.at(-4)} ${a.at(100)} ${'abc'.at(-1)}`);
const s = [0, 1, 2, 3, 4];
console.log(`slice: ${s.slice(1, 3)} | ${s.slice(-2)} | ${s.slice(3, 1)} | ${s.slice()} | ${s.slice(-100, 2)}`);
console.log(`concat: ${JSON.stringify([1].concat(2, [3, [4]], 'five'))}`);
const spreadable = { length: 2, 0: 'x', 1: 'y', [Symbol.isConcatSpreadable]: true };
console.log(`concat spreadable: ${[0].concat(spreadable).join(',')}`);
console.log(`join: ${[1, null, undefined, 'x', [2, 3]].join('-')} ${[].join()} ${[1, 2].join()} ${[1, 2].join('')}`);
console.log(`toString: ${String([1, [2, [3]]])} ${String([])}`);
const holes = [1, , 3];
console.log(`holes: ${holes.indexOf(undefined)} ${holes.includes(undefined)} ${holes.find((x) => x === undefined)} ${holes.findIndex((x) => x === undefined)}`);

// Index properties with attributes of their own (accessors) are searched
// too: on the array itself, past its dense part, and on array-likes.
{
  const withAccessor = [];
  Object.defineProperty(withAccessor, '0', { get() { return 'got'; }, configurable: true });
  console.log(`accessor element: ${withAccessor.indexOf('got')} ${withAccessor.includes('got')} ${withAccessor.lastIndexOf('got')}`);
  const likeObject = { length: 2 };
  Object.defineProperty(likeObject, '1', { get() { return 9; }, configurable: true });
  console.log(`array-like accessor: ${Array.prototype.indexOf.call(likeObject, 9)} ${[].slice.call(likeObject).length}`);
  const sliced = [1, 2, 3];
  Object.defineProperty(sliced, '1', { get() { return 'two'; }, configurable: true });
  console.log(`slice and concat see it: ${sliced.slice(0).join()} ${[].concat(sliced).join()}`);
}
