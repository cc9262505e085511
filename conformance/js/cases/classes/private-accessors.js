// Private getters and setters: the two halves of one name make one accessor,
// on instances and on the class itself; a missing half is a TypeError.
class C {
  #v = 1;
  get #x() { return this.#v; }
  set #x(v) { this.#v = v; }
  get #readOnly() { return 'ro'; }
  static get #s() { return 'static get'; }
  static set #s(v) { C.seen = v; }
  bump() { this.#x = this.#x + 1; return this.#x; }
  tryWrite() {
    try { this.#readOnly = 1; } catch (e) { return e.constructor.name; }
    return 'no error';
  }
  static read() { C.#s = 'set!'; return C.#s + ' ' + C.seen; }
  static has(o) { return #x in o; }
}
const c = new C();
console.log(`${c.bump()} ${c.bump()} ${c.tryWrite()} ${C.read()}`);
console.log(`${C.has(c)} ${C.has({})} ${Object.getOwnPropertyNames(c).length}`);
