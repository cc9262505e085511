// Boolean conversions and wrappers; Symbols: description, registry, well-known symbols.
console.log(`Boolean(): ${Boolean()} ${Boolean(0)} ${Boolean('0')} ${Boolean([])} ${Boolean(NaN)} ${Boolean(-0)} ${Boolean(0n)} ${Boolean(Symbol())}`);
const falseObj = new Boolean(false);
console.log(`new Boolean(false) is truthy: ${falseObj ? 'truthy' : 'falsy'} ${typeof falseObj} ${falseObj.valueOf()} ${String(falseObj)}`);
console.log(`toString: ${true.toString()} ${false.toString()} ${Boolean.prototype.valueOf.call(true)}`);
const s1 = Symbol('desc');
console.log(`symbol: ${typeof s1} ${s1.description} ${s1.toString()} ${Symbol().description} ${Symbol('').description === ''}`);
console.log(`unique: ${Symbol('a') === Symbol('a')} registry: ${Symbol.for('app') === Symbol.for('app')} keyFor: ${Symbol.keyFor(Symbol.for('app'))} ${Symbol.keyFor(s1)}`);
try { new Symbol(); } catch (e) { console.log(`new Symbol: ${e.name}`); }
try { `${s1}`; } catch (e) { console.log(`implicit string conversion: ${e.name}`); }
const obj = { [s1]: 'hidden from keys', visible: 1 };
console.log(`symbol keys: ${Object.keys(obj).join(',')} ${JSON.stringify(obj)} ${obj[s1]}`);
const iterable = { *[Symbol.iterator]() { yield 'custom'; yield 'iterator'; } };
console.log(`Symbol.iterator: ${[...iterable].join(' ')}`);
const money = {
  amount: 42,
  [Symbol.toPrimitive](hint) { return hint === 'number' ? this.amount : hint === 'string' ? `$${this.amount}` : 'default'; },
};
console.log(`Symbol.toPrimitive: ${+money} ${`${money}`} ${money + ''}`);
class Even { static [Symbol.hasInstance](n) { return n % 2 === 0; } }
console.log(`Symbol.hasInstance: ${2 instanceof Even} ${3 instanceof Even}`);
class Tagged { get [Symbol.toStringTag]() { return 'MyTag'; } }
console.log(`Symbol.toStringTag: ${Object.prototype.toString.call(new Tagged())} ${String(new Tagged())}`);
console.log(`well-known: ${typeof Symbol.asyncIterator} ${Symbol.iterator.description} ${Symbol.hasInstance.toString()}`);
const boxed = Object(s1);
console.log(`boxed symbol: ${typeof boxed} ${boxed.description} ${boxed.valueOf() === s1}`);
