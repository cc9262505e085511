// Tagged templates: strings, raw strings, substitutions, caching of the strings array.
function tag(strings, ...values) {
  return `cooked=${JSON.stringify(strings)} raw=${JSON.stringify(strings.raw)} values=${JSON.stringify(values)}`;
}
console.log(tag`a${1}b${'two'}c`);
console.log(tag`\n\u0041${0}`);
console.log(tag``);
console.log(`String.raw: ${String.raw`C:\new\table ${1 + 1} \u00`}`);
function invalid(strings) { return `${strings[0]} ${strings.raw[0]}`; }
console.log(`invalid escape in tagged: ${invalid`\unicode`}`);
function frozen(strings) { return `${Object.isFrozen(strings)} ${Object.isFrozen(strings.raw)} ${Array.isArray(strings)}`; }
console.log(`frozen: ${frozen`x`}`);
const seen = [];
function remember(strings) { seen.push(strings); }
for (let i = 0; i < 2; i++) remember`same site`;
remember`same site`;
console.log(`same call site reuses array: ${seen[0] === seen[1]}, other site differs: ${seen[0] === seen[2]}`);
const obj = { prefix: '>', tag(strings, v) { return this.prefix + strings[0] + v; } };
console.log(`member tag keeps this: ${obj.tag`val=${42}`}`);
const chained = (s) => (t) => `${s[0]}+${t[0]}`;
console.log(`chained: ${chained`a``b`}`);
