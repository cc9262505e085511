// Template literals: substitutions, nesting, escapes, multi-line, ToString of values.
const name = 'world';
console.log(`hello ${name}!`);
console.log(`sum ${1 + 2} nested ${`inner ${name.toUpperCase()}`} end`);
console.log(`line1
line2`);
console.log(`escapes: \` \${not} \u0041 \x41 \n-next`);
console.log(`${null} ${undefined} ${true} ${[1, [2, 3]]} ${{}} ${-0} ${1e21}`);
const obj = { toString() { return 'custom'; } };
console.log(`${obj}`);
try { console.log(`${Symbol('s')}`); } catch (e) { console.log(`symbol in template: ${e.name}`); }
console.log(`${'$'}{literal} $ {space} ${'}'}`);
console.log(`empty: "${''}" ${``.length}`);
