// Private fields, methods, accessors, static privates, `#x in obj` brand checks.
class Account {
  #balance = 0;
  static #count = 0;
  #log = [];
  constructor(initial) { this.#deposit(initial); Account.#count++; }
  #deposit(n) { this.#balance += n; this.#log.push(`+${n}`); }
  get #summary() { return `${this.#balance} via ${this.#log.join(' ')}`; }
  set #direct(v) { this.#balance = v; this.#log.push(`=${v}`); }
  add(n) { this.#deposit(n); return this; }
  reset() { this.#direct = 0; return this; }
  report() { return this.#summary; }
  static count() { return Account.#count; }
  static isAccount(o) { return #balance in o; }
  compare(other) { return this.#balance - other.#balance; }
}
const a = new Account(10).add(5);
console.log(a.report());
console.log(a.reset().add(1).report());
console.log(`count=${Account.count()} brand: ${Account.isAccount(a)} ${Account.isAccount({})}`);
const b = new Account(3);
console.log(`other instance's private: ${a.compare(b)}`);
try { a.compare({}); } catch (e) { console.log(`foreign object: ${e.name}`); }
console.log(`not a property: ${Object.keys(a).length} ${JSON.stringify(a)} ${'#balance' in a}`);
class Sub extends Account { peek() { try { return this.report(); } catch (e) { return e.name; } } }
console.log(`subclass instance has base privates: ${new Sub(7).peek()}`);
class Shadow { #x = 'outer'; get() { const inner = class { #x = 'inner'; read(o) { return o.#x; } }; return new inner().read(new inner()); } }
console.log(`nested class private: ${new Shadow().get()}`);
class ReadOnly { get #v() { return 1; } tryWrite() { try { this.#v = 2; } catch (e) { return e.name; } } }
console.log(`write to getter-only private: ${new ReadOnly().tryWrite()}`);
class Method { #m() {} tryWrite() { try { this.#m = 1; } catch (e) { return e.name; } } }
console.log(`assign to private method: ${new Method().tryWrite()}`);
class StaticPrivateMethod { static #helper() { return 'static private method'; } static run() { return this.#helper(); } }
console.log(StaticPrivateMethod.run());
class Returner { constructor(o) { return o; } }
class Stamper extends Returner { #stamp = 'stamped'; static read(o) { return o.#stamp; } }
const plain = {};
new Stamper(plain);
console.log(`return-override stamps plain object: ${Stamper.read(plain)}`);
