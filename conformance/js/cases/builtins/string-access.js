// String character access and searching: charAt/charCodeAt/codePointAt/at/indexOf/includes/startsWith/endsWith.
const s = 'Hello, wörld \u{1F600}!';
console.log(`length ${s.length}`);
console.log(`charAt: ${s.charAt(0)} ${s.charAt(8)} "${s.charAt(100)}" ${s.charAt(-1) === ''}`);
console.log(`charCodeAt: ${s.charCodeAt(0)} ${s.charCodeAt(8)} ${s.charCodeAt(13)} ${s.charCodeAt(14)} ${s.charCodeAt(100)}`);
console.log(`codePointAt: ${s.codePointAt(13)} ${s.codePointAt(14)} ${s.codePointAt(100)}`);
console.log(`at: ${s.at(0)} ${s.at(-1)} ${s.at(100)}`);
console.log(`indexOf: ${s.indexOf('o')} ${s.indexOf('o', 5)} ${s.indexOf('xyz')} ${s.indexOf('')} ${s.indexOf('', 100)}`);
console.log(`lastIndexOf: ${s.lastIndexOf('o')} ${s.lastIndexOf('l', 5)} ${s.lastIndexOf('H', -5)}`);
console.log(`includes: ${s.includes('wörld')} ${s.includes('World')} ${s.includes('H', 1)}`);
console.log(`startsWith: ${s.startsWith('Hell')} ${s.startsWith('wö', 7)} endsWith: ${s.endsWith('!')} ${s.endsWith('Hello', 5)}`);
try { s.startsWith(/H/); } catch (e) { console.log(`startsWith regexp: ${e.name}`); }
console.log(`search by index: ${s[1]} ${s['length']} ${s[-1]}`);
console.log(`comparison: ${'a'.localeCompare === undefined ? 'none' : typeof 'a'.localeCompare} ${'abc' < 'abd'}`);
console.log(`isWellFormed: ${'ok'.isWellFormed()} ${'\uD800'.isWellFormed()} ${'\uD800x'.toWellFormed().charCodeAt(0).toString(16)}`);
