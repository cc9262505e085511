// RegExp captures inside repeated groups (reset per iteration, the empty
// check), flags i/m/s/u/y, through exec, match, matchAll, replace, split and
// search: the shapes where RE2 and JS semantics meet or part.
function show(x) { return JSON.stringify(x); }
const cases = [
  [/(a+)+$/, 'aaaa'], [/(a|a)*$/, 'aaab'], [/(a|aa)+$/, 'aaaaa'], [/(.|\n)*?END/, 'x\nyEND'],
  [/(?:(a)|b)+/, 'ab'], [/(?:(a)|(b))*/, 'abba'], [/(?:a(b)?)+/, 'abaa'], [/((a)|b)+/, 'ab'],
  [/(?:|a)*/, 'aa'], [/(a*)*b/, 'aab'], [/(a*)+$/, 'aa'], [/(?:a|()){2}/, 'a'],
  [/(a){0}b/, 'ab'], [/(a|(b)){2,3}/, 'abab'], [/^(\w+\s?)*$/, 'ab cd e'],
  [/(AB)+/i, 'xabAbaB'], [/\xe0+(X)?/i, '\xc0\xe0x'], [/^(b|c)+$/m, 'a\nbc\nd'], [/^(b)+$/m, 'a\rbb\rd'],
  [/(.)+/s, 'a\nb'], [/(\w)+/iu, 'ab_\xe9'], [/(?=a)(a+)+$/, 'aaab'], [/(a+)+\1$/, 'aaaa'],
];
for (const [re, s] of cases) console.log(String(re), show(re.exec(s)));
const sticky = /(a|b)+/y;
sticky.lastIndex = 1;
console.log(show(sticky.exec('xab')), String(sticky.lastIndex));
console.log(show('a1b22c333'.match(/(\d)+/g)), show([...'ab ab'.matchAll(/(?:(a)|b)+/g)].map((m) => [m.index, m[1]])));
console.log('2024-01-02 2025-11-12'.replace(/(\d+)-(\d+)-(\d+)/g, '$3/$2/$1'));
console.log(show('a, b ,c'.split(/\s*(,)\s*/)), String('xxaab'.search(/(a|aa)+b/)));
// A catastrophic pattern on a subject it cannot match answers at once.
console.log(String(/(a+)+$/.test('a'.repeat(20) + '!')), String(/^(\w+\s?)*$/.test('ab '.repeat(7) + '!')));
