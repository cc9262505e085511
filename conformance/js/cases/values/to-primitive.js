// ToPrimitive: valueOf/toString order per hint, Symbol.toPrimitive, Date's default hint.
const trace = [];
const obj = {
  valueOf() { trace.push('valueOf'); return 42; },
  toString() { trace.push('toString'); return 'str'; },
};
console.log(`plus: ${obj + 1} ${trace.join(',')}`); trace.length = 0;
console.log(`template: ${`${obj}`} ${trace.join(',')}`); trace.length = 0;
console.log(`String(): ${String(obj)} ${trace.join(',')}`); trace.length = 0;
console.log(`less than: ${obj < 50} ${trace.join(',')}`); trace.length = 0;
console.log(`property key: ${({ str: 'by toString', 42: 'by valueOf' })[obj]} ${trace.join(',')}`); trace.length = 0;

const objectValueOf = { valueOf() { return {}; }, toString() { return '7'; } };
console.log(`valueOf returning object falls back: ${objectValueOf * 2}`);

const bad = { valueOf() { return {}; }, toString() { return {}; } };
try { bad + 1; } catch (e) { console.log(`both return objects: ${e instanceof TypeError}`); }

const hinted = {
  [Symbol.toPrimitive](hint) { trace.push(hint); return hint === 'number' ? 1 : 'x'; },
};
console.log(`${+hinted} ${`${hinted}`} ${hinted + ''} ${trace.join(',')}`); trace.length = 0;

const badHint = { [Symbol.toPrimitive]() { return {}; } };
try { String(badHint); } catch (e) { console.log(`toPrimitive returning object: ${e.name}`); }

const d = new Date(0);
console.log(`date + 0 is string: ${typeof (d + 0)}, date - 0: ${d - 0}`);
console.log(`array + array: "${[1, 2] + [3]}", {} + []: "${({}) + []}"`);
console.log(`null + 1: ${null + 1}, undefined + 1: ${undefined + 1}, true + true: ${true + true}`);
console.log(`'3' * '4': ${'3' * '4'}, '3' + 4: ${'3' + 4}, 3 + 4 + '5': ${3 + 4 + '5'}`);
