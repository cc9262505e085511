// typeof on every kind of value, including undeclared names and functions.
function f() {}
class C {}
const values = [
  ['undefined', undefined], ['null', null], ['true', true], ['0', 0], ['NaN', NaN],
  ['1n', 1n], ['""', ''], ['symbol', Symbol('s')], ['{}', {}], ['[]', []],
  ['function', f], ['arrow', () => 1], ['class', C], ['new Number', new Number(1)],
  ['new String', new String('')], ['Math', Math], ['JSON', JSON], ['regexp', /x/],
];
for (const [label, v] of values) console.log(`${label}: ${typeof v}`);
console.log(`undeclared: ${typeof notDeclaredAnywhere}`);
console.log(`typeof typeof 1: ${typeof typeof 1}`);
console.log(`async fn: ${typeof async function () {}}, generator: ${typeof function* () {}}`);
