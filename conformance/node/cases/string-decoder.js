// string_decoder: characters split across writes in utf8, utf16le and base64; hex/latin1 pass through; end() flushes; bad arguments.
const { StringDecoder } = require('string_decoder');
function show(label, fn) {
  try { console.log(label, JSON.stringify(fn())); } catch (e) { console.log(label, `${e.name} ${e.code}: ${e.message}`); }
}
const euro = Buffer.from('€𝄞é');
show('utf8 byte by byte', () => { const d = new StringDecoder('utf8'); return [...euro].map((b) => d.write(Buffer.from([b]))).concat(d.end()); });
show('utf8 split', () => { const d = new StringDecoder(); return [d.write(euro.subarray(0, 2)), d.write(euro.subarray(2, 5)), d.write(euro.subarray(5)), d.end()]; });
show('utf8 incomplete end', () => { const d = new StringDecoder('utf8'); return [d.write(Buffer.from([0x61, 0xe2, 0x82])), d.end()]; });
show('utf8 end with buffer', () => { const d = new StringDecoder('utf8'); return [d.write(Buffer.from([0xf0, 0x9f])), d.end(Buffer.from([0x98, 0x80]))]; });
show('utf8 invalid', () => { const d = new StringDecoder('utf8'); return [d.write(Buffer.from([0xff, 0x41, 0xc3])), d.write(Buffer.from([0x41])), d.end()]; });
show('utf8 reuse after end', () => { const d = new StringDecoder('utf8'); d.write(Buffer.from([0xe2])); d.end(); return d.write(Buffer.from('ok')); });
show('utf16le split', () => { const d = new StringDecoder('utf16le'); const b = Buffer.from('a𝄞b', 'utf16le'); return [d.write(b.subarray(0, 1)), d.write(b.subarray(1, 3)), d.write(b.subarray(3, 5)), d.write(b.subarray(5)), d.end()]; });
show('utf16le lone surrogate end', () => { const d = new StringDecoder('ucs2'); return [d.write(Buffer.from([0x3d, 0xd8])), d.end().length]; });
show('utf16le odd end', () => { const d = new StringDecoder('utf-16le'); return [d.write(Buffer.from([0x61, 0x00, 0x62])), d.end()]; });
show('base64', () => { const d = new StringDecoder('base64'); return [d.write(Buffer.from('ab')), d.write(Buffer.from('cde')), d.end()]; });
show('base64url', () => { const d = new StringDecoder('base64url'); return [d.write(Buffer.from([0xfb, 0xff])), d.end()]; });
show('hex', () => { const d = new StringDecoder('hex'); return [d.write(Buffer.from([1, 0xab])), d.end(Buffer.from([2]))]; });
show('latin1', () => new StringDecoder('binary').write(Buffer.from([0xe9, 0x41])));
show('ascii', () => new StringDecoder('ascii').write(Buffer.from([0xe9, 0x41])));
show('encoding names', () => ['utf8', 'UTF-8', 'ucs2', 'binary', 'base64url', undefined].map((e) => new StringDecoder(e).encoding));
show('string passthrough', () => new StringDecoder('hex').write('as is'));
show('typed array', () => new StringDecoder('utf8').write(new Uint8Array([0x68, 0x69])));
show('bad encoding', () => new StringDecoder('nope'));
show('bad write', () => new StringDecoder('utf8').write(5));
show('bad write object', () => new StringDecoder('utf8').write({}));
show('end empty', () => new StringDecoder('utf8').end());
show('lastNeed', () => { const d = new StringDecoder('utf8'); d.write(Buffer.from([0xe2])); return d.lastNeed; });
