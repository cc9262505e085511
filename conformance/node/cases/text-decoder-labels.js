// TextDecoder's labels (the Encoding Standard's, for the encodings ICU converts) and decoding in legacy encodings: UTF-16, ISO-8859-x, windows-125x, KOI8, CJK.
const t = (label, f) => { try { console.log(label, f()); } catch (e) { console.log(label, `${e.name} [${e.code}]: ${e.message}`); } };
for (const label of ['utf8', 'UTF-8', ' utf-8\n', 'unicode-1-1-utf-8', 'utf-16le', 'utf-16', 'UTF-16BE', 'unicode', 'ucs-2',
  'iso-8859-1', 'windows-1252', 'us-ascii', 'cp1252', 'iso-8859-2', 'latin2', 'iso-8859-5', 'iso-8859-7', 'iso-8859-15',
  'windows-1250', 'windows-1251', 'windows-1253', 'windows-1254', 'windows-1256', 'koi8-r', 'koi8-u', 'ibm866', 'macintosh',
  'shift_jis', 'sjis', 'euc-jp', 'iso-2022-jp', 'gbk', 'gb2312', 'gb18030', 'big5', 'euc-kr', 'utf-32', 'x-user-defined',
  'replacement', 'nope', '', 'utf-8x']) {
  t(JSON.stringify(label), () => new TextDecoder(label).encoding);
}
const cases = [
  ['utf-16le', [0xFF, 0xFE, 0x68, 0, 0x69, 0, 0x3D, 0xD8, 0x00, 0xDE]],
  ['utf-16be', [0xFE, 0xFF, 0, 0x68, 0, 0x69]],
  ['latin1', [0x68, 0xE9, 0xFF, 0x41]],
  ['iso-8859-2', [0xA1, 0xB1, 0xE8]],
  ['iso-8859-5', [0xB0, 0xB1, 0xB2]],
  ['iso-8859-7', [0xC1, 0xC2, 0xC3]],
  ['iso-8859-15', [0xA4, 0xBD]],
  ['windows-1250', [0x8A, 0x9A]],
  ['windows-1251', [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2]],
  ['koi8-r', [0xF0, 0xD2, 0xC9]],
  ['shift_jis', [0x82, 0xA0, 0x82, 0xA2, 0x93, 0xFA]],
  ['euc-jp', [0xA4, 0xA2, 0xC6, 0xFC]],
  ['gbk', [0xC4, 0xE3, 0xBA, 0xC3]],
  ['big5', [0xA7, 0x41]],
  ['euc-kr', [0xC7, 0xD1, 0xB1, 0xDB]],
];
for (const [label, bytes] of cases) {
  const s = new TextDecoder(label).decode(new Uint8Array(bytes));
  console.log(label, JSON.stringify(s), [...s].map((c) => c.codePointAt(0).toString(16)).join(','));
}
t('utf-16le fatal', () => new TextDecoder('utf-16le', { fatal: true }).decode(new Uint8Array([0x00, 0xD8])));
t('shift_jis fatal', () => new TextDecoder('shift_jis', { fatal: true }).decode(new Uint8Array([0x82])));
t('utf-16le ignoreBOM', () => JSON.stringify(new TextDecoder('utf-16le', { ignoreBOM: true }).decode(new Uint8Array([0xFF, 0xFE, 0x41, 0]))));
