// Public instance fields: initialisation order, this in initialisers, arrow fields, defineProperty semantics.
const order = [];
class Base {
  baseField = order.push('base field');
  constructor() { order.push('base ctor'); }
}
class Derived extends Base {
  derivedField = order.push('derived field');
  constructor() { order.push('derived ctor before super'); super(); order.push('derived ctor after super'); }
}
new Derived();
console.log(order.join(' > '));
class WithThis {
  a = 1;
  b = this.a + 1;
  bound = () => this.b;
  ['comp' + 'uted'] = 'computed field';
  noInit;
}
const w = new WithThis();
const { bound } = w;
console.log(`${w.a} ${w.b} ${bound()} ${w.computed} ${'noInit' in w} ${w.noInit}`);
console.log(`own keys in order: ${Object.keys(w).join(',')}`);
class Setter { set x(v) { console.log('setter called (should not be)'); } }
class Defines extends Setter { x = 'field defined, setter bypassed'; }
console.log(new Defines().x);
let counter = 0;
class Fresh { list = []; id = ++counter; }
const f1 = new Fresh(), f2 = new Fresh();
console.log(`fresh per instance: ${f1.list !== f2.list} ${f1.id} ${f2.id}`);
class ArrowCapture { name = 'captured'; get = () => this.name; }
const getter = new ArrowCapture().get;
console.log(getter());
