// Static methods and fields, getters/setters on classes, static inheritance.
class Temperature {
  static #instances = 0;
  static unit = 'C';
  static count() { return Temperature.#instances; }
  #celsius = 0;
  constructor(c) { this.#celsius = c; Temperature.#instances++; }
  get fahrenheit() { return this.#celsius * 9 / 5 + 32; }
  set fahrenheit(f) { this.#celsius = (f - 32) * 5 / 9; }
  get celsius() { return this.#celsius; }
  static get description() { return `temperatures in ${this.unit}`; }
}
const t = new Temperature(100);
console.log(`${t.fahrenheit} ${t.celsius}`);
t.fahrenheit = 32;
console.log(`after set: ${t.celsius}`);
new Temperature(1);
console.log(`instances: ${Temperature.count()} ${Temperature.description}`);
const desc = Object.getOwnPropertyDescriptor(Temperature.prototype, 'fahrenheit');
console.log(`accessor descriptor: ${typeof desc.get} ${typeof desc.set} ${desc.enumerable}`);
t.celsius = 5;
console.log(`setting getter-only (sloppy caller, strict class irrelevant): ${t.celsius}`);
class Sub extends Temperature { static unit = 'K'; }
console.log(`static this in inherited getter: ${Sub.description}`);
class Counter { static value = 1; static next = Counter.value + 1; static [`comp${'uted'}`] = 'static computed'; }
console.log(`${Counter.next} ${Counter.computed}`);
console.log(`static not on instances: ${new Counter().value}`);
