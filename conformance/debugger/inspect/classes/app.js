class Shape {
  constructor(name) {
    this.name = name;
  }
  describe() {
    return `a ${this.name}`;
  }
}
class Square extends Shape {
  #side;
  constructor(side) {
    super('square');
    this.#side = side;
  }
  get area() {
    return this.#side * this.#side;
  }
}
debugger;
const sq = new Square(3);
console.log(sq.describe(), sq.area);
