// new F() makes an object whose prototype is F.prototype, then runs F with it as `this`.
function Vec(x) { this.x = x; }
Vec.prototype.double = function () { return new Vec(this.x * 2); };
const v = new Vec(4).double();
console.log(v.x, Object.getPrototypeOf(v) === Vec.prototype);
