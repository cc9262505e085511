// Static initialisation blocks and new.target.
const order = [];
class Config {
  static a = order.push('field a');
  static { order.push('block 1'); this.derived = this.a * 10; }
  static b = order.push('field b');
  static #secret = 'private from block';
  static { order.push('block 2'); Config.revealed = Config.#secret; }
}
console.log(order.join(' > '));
console.log(`${Config.derived} ${Config.revealed}`);
let leaked;
class Leaker { static #hidden = 42; static { leaked = (o) => o.#hidden; } }
console.log(`block can export private access: ${leaked(Leaker)}`);
function Ctor() { return new.target === undefined ? 'called' : `constructed ${new.target.name}`; }
console.log(`${Ctor()} ${new Ctor() instanceof Ctor}`);
function Probe() { this.target = new.target; }
console.log(`new.target is the function: ${new Probe().target === Probe}`);
class Shape {
  constructor() { this.made = new.target.name; if (new.target === Shape) throw new TypeError('abstract'); }
}
class Square extends Shape {}
try { new Shape(); } catch (e) { console.log(`abstract: ${e.message}`); }
console.log(`derived new.target: ${new Square().made}`);
function arrowSees() { return (() => new.target)(); }
console.log(`arrow inherits new.target: ${new arrowSees() === undefined ? 'no' : 'yes'} ${arrowSees() === undefined}`);
class ViaReflect { constructor() { this.t = new.target.name; } }
class Other {}
console.log(`Reflect.construct newTarget: ${Reflect.construct(ViaReflect, [], Other).t}`);
