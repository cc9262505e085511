// String literal escapes, lengths in UTF-16 code units, surrogate pairs.
const s = 'a\tb\\c\'d"e\u0041\x42\u{1F600}\0';
console.log(JSON.stringify(s));
console.log(`length: ${s.length}`);
const emoji = '\u{1F600}';
console.log(`${emoji.length} ${emoji.charCodeAt(0)} ${emoji.charCodeAt(1)} ${emoji.codePointAt(0)} ${[...emoji].length}`);
console.log(`line continuation: ${'ab\
cd'}`);
console.log(`${'\u2028'.length} ${'é' === '\u00e9'} ${'e\u0301'.length} ${'e\u0301'.normalize('NFC').length}`);
console.log(`${'abc'[1]} ${'abc'[5]} ${'abc'.length}`);
for (const ch of 'a\u{10400}b') console.log(`char ${ch.codePointAt(0).toString(16)}`);
