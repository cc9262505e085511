// switch compares with === case by case (StrictEqual and a jump each), then falls through until a break.
function name(n) {
  switch (n) {
    case 1: return 'one';
    case 2:
    case 3: return 'two or three';
    default: return 'many';
  }
}
console.log(name(1), name(3), name(7));
