// TextDecoder's { stream: true }: a character split across calls comes out whole; an unfinished one at the end is U+FFFD (or an error when fatal); UTF-16 halves too.
const show = (list) => JSON.stringify(list);
const euro = [0xE2, 0x82, 0xAC];
const s = new TextDecoder();
console.log(show([s.decode(new Uint8Array(euro.slice(0, 1)), { stream: true }), s.decode(new Uint8Array(euro.slice(1)), { stream: true }), s.decode()]));
console.log(show([s.decode(new Uint8Array(euro.slice(0, 2)), { stream: true }), s.decode()]));
const bytes = Buffer.from('añ€𝄞 mixed text 😀!');
for (const size of [1, 2, 3, 5]) {
  const d = new TextDecoder();
  let out = '';
  for (let i = 0; i < bytes.length; i += size) out += d.decode(bytes.subarray(i, i + size), { stream: true });
  out += d.decode();
  console.log('pieces of', size, out === bytes.toString());
}
const bom = new TextDecoder();
console.log(show([bom.decode(new Uint8Array([0xEF]), { stream: true }), bom.decode(new Uint8Array([0xBB, 0xBF, 0x41]), { stream: true }), bom.decode(new Uint8Array([0xEF, 0xBB, 0xBF]))]));
console.log(show([bom.decode(new Uint8Array([0xEF, 0xBB, 0xBF, 0x42]))]));
const fatal = new TextDecoder('utf-8', { fatal: true });
console.log(show([fatal.decode(new Uint8Array([0xF0, 0x9F]), { stream: true })]));
try {
  fatal.decode();
} catch (e) {
  console.log('fatal end', e.name, e.code, e.message);
}
console.log(show([fatal.decode(new Uint8Array([0x41]))]));
const u16 = new TextDecoder('utf-16le');
console.log(show([u16.decode(new Uint8Array([0x68]), { stream: true }), u16.decode(new Uint8Array([0, 0x69]), { stream: true }), u16.decode(new Uint8Array([0]))]));
console.log(show([u16.decode(new Uint8Array([0x3D, 0xD8]), { stream: true }), u16.decode(new Uint8Array([0x00, 0xDE]))]));
console.log(show([u16.decode(new Uint8Array([0x68]))]));
