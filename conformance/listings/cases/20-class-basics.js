// A class: the constructor is the function, methods go on its prototype, fields are defined at construction.
class Point {
  z = 0;
  constructor(x, y) { this.x = x; this.y = y; }
  norm1() { return Math.abs(this.x) + Math.abs(this.y) + this.z; }
}
console.log(new Point(3, -4).norm1());
