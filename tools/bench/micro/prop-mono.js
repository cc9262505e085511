// Monomorphic property access: one object shape, reads and writes in a hot loop.
var out = typeof console !== 'undefined' && console.log ? function (s) { console.log(s); } : print;
function Point(x, y, z) { this.x = x; this.y = y; this.z = z; }
var points = [];
for (var i = 0; i < 100; i++) points.push(new Point(i, i * 2, i * 3));
var sum = 0;
for (var round = 0; round < 20000; round++) {
  for (var j = 0; j < points.length; j++) {
    var p = points[j];
    sum += p.x + p.y * 2 - p.z;
    p.x = (p.y + j) % 1000;
    p.y = (p.x + p.z) % 1000;
  }
  sum = sum % 1000000007;
}
out('checksum ' + sum);
