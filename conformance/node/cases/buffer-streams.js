// Streams carry Buffers now: a Readable's chunks, setEncoding's decoding of characters split across chunks, Writable decodeStrings, Transform on bytes, readline over byte chunks.
const { Readable, Writable, Transform, PassThrough } = require('stream');
const readline = require('readline');
const euro = Buffer.from('a€b');
const r = new Readable({ read() {} });
r.on('data', (c) => console.log('raw chunk', c));
r.push(euro.subarray(0, 2));
r.push('str');
r.push(null);
r.on('end', () => {
  const r2 = new Readable({ read() {} });
  r2.setEncoding('utf8');
  const parts = [];
  r2.on('data', (c) => parts.push(c));
  r2.on('end', () => {
    console.log('decoded', parts);
    const seen = [];
    const w = new Writable({
      write(chunk, enc, cb) { seen.push([Buffer.isBuffer(chunk), enc, chunk.toString('hex')]); cb(); },
    });
    w.write('hi');
    w.write(Buffer.from([1, 2]));
    w.write(new Uint8Array([3]));
    w.end(() => {
      console.log('written', seen);
      const upper = new Transform({
        transform(chunk, enc, cb) { cb(null, Buffer.from(chunk.toString().toUpperCase())); },
      });
      const out = [];
      upper.on('data', (c) => out.push(c));
      upper.on('end', () => {
        console.log('transformed', Buffer.concat(out));
        const input = new PassThrough();
        const rl = readline.createInterface({ input });
        rl.on('line', (l) => console.log('line', JSON.stringify(l)));
        rl.on('close', () => console.log('closed'));
        const text = Buffer.from('één\ntwee€\n');
        input.write(text.subarray(0, 1));
        input.write(text.subarray(1, 9));
        input.end(text.subarray(9));
      });
      upper.write('ab');
      upper.end(Buffer.from('cd'));
    });
  });
  r2.push(euro.subarray(0, 2));
  r2.push(euro.subarray(2));
  r2.push(null);
});
