// A small RegExp smoke test: test/exec, flags, groups, global replace, split, lastIndex.
const re = /(\d{4})-(\d{2})-(\d{2})/;
const m = re.exec('date: 2024-05-17.');
console.log(`${m[0]} ${m[1]} ${m.index} ${m.length} ${m.input.length}`);
const named = /(?<year>\d{4})-(?<month>\d{2})/.exec('2024-05');
console.log(`named: ${named.groups.year} ${named.groups.month}`);
console.log(`test: ${/^a.c$/i.test('AbC')} ${/^a.c$/.test('a\nc')} ${/^a.c$/s.test('a\nc')}`);
console.log(`replace global: ${'a1b22c333'.replace(/\d+/g, (d) => `[${d.length}]`)} ${'x-y-z'.replace(/-/g, '+')}`);
console.log(`replace groups: ${'John Smith'.replace(/(\w+)\s(\w+)/, '$2, $1')} ${'2024-05'.replace(/(?<y>\d+)-(?<m>\d+)/, '$<m>/$<y>')}`);
console.log(`split: ${JSON.stringify('a1b2c'.split(/\d/))} ${JSON.stringify('a, b ,c'.split(/\s*,\s*/))} ${JSON.stringify('abc'.split(/(b)/))}`);
const g = /o/g;
const found = [];
let r;
while ((r = g.exec('foo boo')) !== null) found.push(`${r.index}@${g.lastIndex}`);
console.log(`exec loop: ${found.join(' ')}`);
console.log(`match: ${JSON.stringify('a1b2'.match(/\d/g))} ${'abc'.match(/z/)} matchAll: ${[...'a1b2'.matchAll(/[a-z](\d)/g)].map((x) => x[1]).join('')}`);
console.log(`source/flags: ${/a\/b/gi.source} ${/x/gimsuy.flags} ${String(/x/g)}`);
console.log(`unicode: ${/^.$/u.test('\u{1F600}')} ${/^.$/.test('\u{1F600}')} ${/\p{L}+/u.exec('123abc')[0]}`);
console.log(`sticky: ${/b/y.test('ab')} search: ${'hello'.search(/l+/)}`);
console.log(`lookaround: ${'price: $42'.match(/(?<=\$)\d+/)[0]} ${/a(?!b)/.exec('abac').index}`);
console.log(`backreference: ${/(\w)\1/.exec('hello')[0]} lazy: ${/<.+?>/.exec('<a><b>')[0]}`);
console.log(`new RegExp: ${new RegExp('a+', 'g').test('caat')} ${new RegExp(/x/g, 'i').flags}`);
try { new RegExp('('); } catch (e) { console.log(`bad pattern: ${e.name}`); }
