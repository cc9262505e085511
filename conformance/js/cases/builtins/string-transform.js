// slice/substring/substr, case, trim, pad, repeat, concat, split/replace/replaceAll with string patterns.
const s = 'JavaScript';
console.log(`slice: ${s.slice(4)} ${s.slice(-6, -3)} "${s.slice(5, 2)}" ${s.slice(0, 100)}`);
console.log(`substring: ${s.substring(4, 0)} ${s.substring(-3, 2)} ${s.substring(4)} "${s.substring(NaN, 0)}"`);
console.log(`substr: ${s.substr(4, 3)} ${s.substr(-6, 2)}`);
console.log(`case: ${s.toUpperCase()} ${s.toLowerCase()} ${'İstanbul'.toLowerCase().length} ${'ß'.toUpperCase()} ${'ÉCOLE'.toLowerCase()}`);
console.log(`trim: [${'  \t x y \n '.trim()}] [${'  x '.trimStart()}] [${'  x '.trimEnd()}] [${'\u00a0\ufeffz\u2028'.trim()}]`);
console.log(`pad: [${'5'.padStart(3, '0')}] [${'abc'.padEnd(8, '12')}] [${'abc'.padStart(2)}] [${'x'.padEnd(4)}] [${'x'.padStart(3, '')}]`);
console.log(`repeat: ${'ab'.repeat(3)} "${'x'.repeat(0)}"`);
try { 'x'.repeat(-1); } catch (e) { console.log(`repeat(-1): ${e.name}`); }
console.log(`concat: ${'a'.concat('b', 1, null)}`);
console.log(`split: ${JSON.stringify('a,b,,c'.split(','))} ${JSON.stringify('abc'.split(''))} ${JSON.stringify('abc'.split())} ${JSON.stringify('a,b,c'.split(',', 2))} ${JSON.stringify(''.split(','))} ${JSON.stringify(''.split(''))}`);
console.log(`split multi-char: ${JSON.stringify('one--two--three'.split('--'))}`);
console.log(`replace first: ${'a-b-c'.replace('-', '+')} replaceAll: ${'a-b-c'.replaceAll('-', '+')}`);
console.log(`replace patterns: ${'price: X'.replace('X', '$$5')} ${'abc'.replace('b', '[$&]')} ${'abc'.replace('b', "[$`|$']")}`);
console.log(`replace with function: ${'a-b-c'.replace('-', (m, offset, str) => `(${m}@${offset} in ${str})`)}`);
console.log(`replaceAll function: ${'x.y.z'.replaceAll('.', (m, i) => i)}`);
console.log(`replace empty pattern: ${'abc'.replace('', '_')} ${'abc'.replaceAll('', '_')}`);
console.log(`chained: ${'  Hello World  '.trim().toLowerCase().split(' ').map((w) => w[0].toUpperCase() + w.slice(1)).join('-')}`);
console.log(`localeCompare sort: ${['b', 'a', 'c'].sort((x, y) => x.localeCompare(y)).join('')}`);
