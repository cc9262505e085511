// with (sloppy code only) puts an object in the scope chain: a name inside is looked up on the object first, at run time.
function area(shape) {
  with (shape) {
    return width * height;
  }
}
console.log(area({ width: 3, height: 5 }));
