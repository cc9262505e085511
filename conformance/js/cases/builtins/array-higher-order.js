// map/filter/reduce/reduceRight/forEach/some/every/flat/flatMap with indices and thisArg.
const nums = [1, 2, 3, 4, 5];
console.log(`map: ${nums.map((x, i) => x * i).join(',')}`);
console.log(`filter: ${nums.filter((x) => x % 2).join(',')}`);
console.log(`reduce: ${nums.reduce((acc, x) => acc + x)} with init: ${nums.reduce((acc, x) => acc + x, 100)}`);
console.log(`reduce builds string: ${nums.reduce((acc, x, i, arr) => `${acc}${x}/${arr.length}${i < 4 ? ' ' : ''}`, '')}`);
console.log(`reduceRight: ${['a', 'b', 'c'].reduceRight((acc, x) => acc + x)}`);
try { [].reduce((a, b) => a + b); } catch (e) { console.log(`reduce empty: ${e.name}`); }
console.log(`reduce single, no init: ${[7].reduce(() => 'not called')}`);
const seen = [];
['x', , 'z'].forEach((v, i) => seen.push(`${i}:${v}`));
console.log(`forEach skips holes: ${seen.join(' ')}`);
console.log(`some: ${nums.some((x) => x > 4)} ${nums.some((x) => x > 5)} ${[].some(() => true)}`);
console.log(`every: ${nums.every((x) => x > 0)} ${nums.every((x) => x > 1)} ${[].every(() => false)}`);
const ctx = { factor: 10 };
console.log(`thisArg: ${nums.map(function (x) { return x * this.factor; }, ctx).join(',')}`);
console.log(`flat: ${JSON.stringify([1, [2, [3, [4]]]].flat())} ${JSON.stringify([1, [2, [3, [4]]]].flat(Infinity))} ${JSON.stringify([1, , 2].flat())}`);
console.log(`flatMap: ${JSON.stringify(['a b', 'c'].flatMap((s) => s.split(' ')))} ${JSON.stringify([1, 2].flatMap((x) => [[x]]))}`);
let calls = 0;
[1, 2, 3, 4].some((x) => { calls++; return x === 2; });
console.log(`some stops early: ${calls}`);
const growing = [1, 2];
const visited = growing.map((x) => { growing.push(x); return x; });
console.log(`map sees original length: ${visited.length} ${growing.length}`);
console.log(`chain: ${nums.filter((x) => x > 1).map((x) => x * x).reduce((a, b) => a + b, 0)}`);
console.log(`map on holes keeps holes: ${JSON.stringify([1, , 3].map((x) => x * 2))} ${1 in [1, , 3].map((x) => x)}`);
