// String.raw, String.fromCharCode, String.fromCodePoint, String() conversions, string objects.
console.log(String.raw`\n\t${1}\u`);
console.log(String.raw({ raw: ['a', 'b', 'c'] }, 1, 2, 3, 4));
console.log(String.fromCharCode(72, 105, 0x1F600, 65 + 65536));
console.log(`fromCodePoint length: ${String.fromCodePoint(0x1F600, 97).length}`);
try { String.fromCodePoint(0x110000); } catch (e) { console.log(`fromCodePoint range: ${e.name}`); }
console.log(`String(): ${String(null)} ${String(undefined)} ${String(123n)} ${String(Symbol('desc'))} ${String([1, [2]])} ${String({})}`);
const obj = new String('boxed');
console.log(`String object: ${typeof obj} ${obj.length} ${obj[0]} ${obj == 'boxed'} ${obj === 'boxed'} ${JSON.stringify(Object.keys(obj))}`);
obj.extra = 1;
console.log(`String object props: ${obj.extra} ${typeof obj.valueOf()}`);
const prim = 'primitive';
console.log(`methods on primitive via wrapper: ${prim.toUpperCase()} ${prim.constructor === String}`);
String.prototype.shout = function () { return `${this.toUpperCase()}!`; };
console.log(`prototype extension: ${'hey'.shout()}`);
delete String.prototype.shout;
console.log(`iteration by code point: ${[...'a\u{1F600}b'].length} vs length ${'a\u{1F600}b'.length}`);
console.log(`escape of lone surrogate in JSON: ${JSON.stringify('\uD800')}`);
