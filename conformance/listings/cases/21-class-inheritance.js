// extends and super: the derived constructor has no `this` until super() returns; super.m() looks up the home object's prototype.
class Animal {
  constructor(name) { this.name = name; }
  speak() { return this.name + ' makes a sound'; }
}
class Dog extends Animal {
  constructor(name) { super(name); this.kind = 'dog'; }
  speak() { return super.speak() + ' (woof)'; }
}
console.log(new Dog('Rex').speak());
