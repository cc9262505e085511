// readline (lines from a stream, question, async iteration, readline/promises) and timers / timers/promises (setTimeout, setImmediate, setInterval as an iterator, AbortSignal, argument errors).
const readline = require('readline');
const { PassThrough } = require('stream');
console.log(Object.keys(readline).join(' '));
const input = new PassThrough();
const rl = readline.createInterface({ input });
console.log(rl.terminal, rl.getPrompt(), typeof rl.line);
rl.on('line', (l) => console.log('line', JSON.stringify(l)));
rl.on('close', () => {
  console.log('close');
  const input2 = new PassThrough(); const out = new PassThrough(); let written = '';
  out.on('data', (d) => written += d);
  const rl2 = readline.createInterface({ input: input2, output: out, terminal: false });
  rl2.question('name? ', (answer) => {
    console.log('answer', answer, JSON.stringify(written));
    rl2.close();
    (async () => {
      const input3 = new PassThrough();
      const rl3 = readline.createInterface({ input: input3, crlfDelay: Infinity });
      input3.end('x\ny\nz\n');
      const lines = [];
      for await (const line of rl3) lines.push(line);
      console.log('iterated', lines);
      const rlp = require('readline/promises').createInterface({ input: new PassThrough().end('yes\n'), output: new PassThrough() });
      console.log('promise answer', await rlp.question('ok? '));
      rlp.close();
      const { setTimeout: sleep, setImmediate: immediate } = require('timers/promises');
      console.log(await sleep(10, 'slept'), await immediate('imm'));
      const ac = new AbortController(); const p = sleep(1000, 'x', { signal: ac.signal }); ac.abort(); try { await p; } catch (e) { console.log(e.name, e.code); }
      let n = 0; for await (const v of require('timers/promises').setInterval(5, 'tick')) { console.log(v, ++n); if (n === 3) break; }
      try { await sleep('x'); } catch (e) { console.log(e.code); }
      console.log(Object.keys(require('timers')).join(' '), typeof require('timers/promises').scheduler.wait);
    })();
  });
  input2.end('Ada\n');
});
input.end('a\r\nb\nc');
