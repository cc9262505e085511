// ToNumber from strings and other values (unary plus and Number()).
const inputs = ['', ' ', '42', ' 42 ', '4 2', '0x1F', '0o17', '0b101', '-0x10', '1e3', '.5', '5.',
  '+.5e-1', 'Infinity', '-Infinity', 'infinity', '1_000', '12px', '\u00a0 7 \ufeff', '0.0000001',
  '1e1000', '-0', '00012', '1n', 'NaN'];
for (const s of inputs) {
  const n = Number(s);
  console.log(`${JSON.stringify(s)} -> ${Object.is(n, -0) ? '-0' : String(n)}`);
}
console.log(`true: ${+true}, false: ${+false}, null: ${+null}, undefined: ${+undefined}`);
console.log(`[]: ${+[]}, [5]: ${+[5]}, [1,2]: ${+[1, 2]}, {}: ${+{}}`);
try { +Symbol('x'); } catch (e) { console.log(`symbol: ${e.name}`); }
try { +1n; } catch (e) { console.log(`unary plus bigint: ${e.name}`); }
console.log(`Number(12n): ${Number(12n)}`);
