// JSON.parse (with reviver) and JSON.stringify (replacer function/array, indentation, toJSON, edge values).
const text = '{"a":1,"b":[true,false,null],"c":{"d":"str\\u0041\\n"},"e":-0.5e2, "f" : "x"}';
const parsed = JSON.parse(text);
console.log(`${parsed.a} ${parsed.b.length} ${parsed.b[2]} ${JSON.stringify(parsed.c.d)} ${parsed.e} ${parsed.f}`);
const order = [];
const revived = JSON.parse('{"x":1,"y":{"z":2},"arr":[3,4]}', function (key, value) {
  order.push(key === '' ? '(root)' : key);
  if (key === 'z') return undefined;
  return typeof value === 'number' ? value * 10 : value;
});
console.log(`reviver order: ${order.join(',')} result: ${JSON.stringify(revived)}`);
for (const bad of ['{a:1}', "{'a':1}", '[1,]', '01', '"\t"', 'undefined', '', '{"a":1}x', 'NaN']) {
  try { JSON.parse(bad); console.log(`accepted ${bad}`); } catch (e) { console.log(`rejected ${JSON.stringify(bad)}: ${e.name}`); }
}
console.log(`primitives: ${JSON.parse('5')} ${JSON.parse('"s"')} ${JSON.parse(' null ')} ${JSON.parse('true')} ${JSON.parse('1e400')}`);
console.log(JSON.stringify({ s: 'q"\\\n\u0001\u2028', n: NaN, i: -Infinity, z: -0, u: undefined, f() {}, sym: Symbol('x'), nul: null, d: new Date(0) }));
console.log(JSON.stringify([undefined, () => 1, Symbol('y'), NaN]));
console.log(`${JSON.stringify(undefined)} ${JSON.stringify(() => 1)} ${JSON.stringify('top')} ${JSON.stringify(null)}`);
console.log(JSON.stringify({ a: 1, b: 2, c: { a: 3, d: 4 } }, ['a', 'c']));
console.log(JSON.stringify({ a: 1, b: 'two', c: [1, 2] }, (k, v) => (typeof v === 'number' ? v + 100 : v)));
console.log(JSON.stringify({ a: [1, { b: 2 }], e: [], o: {} }, null, 2));
console.log(JSON.stringify([1, [2]], null, '--'));
console.log(`indent is capped at 10: ${JSON.stringify({ a: 1 }, null, 20).split('\n')[1].length}`);
const withToJSON = { secret: 'hidden', toJSON(key) { return { shown: `key was "${key}"` }; } };
console.log(JSON.stringify({ nested: withToJSON }));
console.log(JSON.stringify(new String('boxed')), JSON.stringify(new Number(3)), JSON.stringify(Object(false)));
const cyclic = { name: 'loop' };
cyclic.self = cyclic;
try { JSON.stringify(cyclic); } catch (e) { console.log(`cycle: ${e.name}`); }
try { JSON.stringify({ big: 1n }); } catch (e) { console.log(`bigint: ${e.name}`); }
console.log(JSON.stringify({ '\ud800': '\udc00', emoji: '\u{1F600}' }));
console.log(JSON.stringify({ 3: 'c', 1: 'a', b: 'b' }));
console.log(JSON.stringify(Object.create({ inherited: 1 }, { own: { value: 1, enumerable: true } })));
