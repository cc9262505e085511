// Private names (#count) are not properties: they live in the object's private elements and `#count in o` asks for them.
class Counter {
  #count = 0;
  inc() { return ++this.#count; }
  static has(o) { return #count in o; }
}
const c = new Counter();
c.inc();
console.log(c.inc(), Counter.has(c), Counter.has({}));
