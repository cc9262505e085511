// Objects built empty and filled afterwards (Class.create / Object.extend
// style, as Octane RayTrace does): property adds through copied prototypes,
// then reads of the added properties.
var out = typeof console !== 'undefined' && console.log ? function (s) { console.log(s); } : print;
function extend(dst, src) { for (var k in src) dst[k] = src[k]; return dst; }
var Vector = function () { this.initialize.apply(this, arguments); };
Vector.prototype = extend({}, {
  initialize: function (x, y, z) { this.x = x; this.y = y; this.z = z; },
  add: function (v) { return new Vector(this.x + v.x, this.y + v.y, this.z + v.z); },
  dot: function (v) { return this.x * v.x + this.y * v.y + this.z * v.z; },
});
var Color = function () { this.initialize.apply(this, arguments); };
Color.prototype = extend({}, {
  initialize: function (r, g, b) { this.red = r; this.green = g; this.blue = b; },
  brightness: function () { return this.red + this.green + this.blue; },
});
var sum = 0;
var acc = new Vector(0, 0, 0);
for (var i = 0; i < 300000; i++) {
  var v = new Vector(i & 15, i & 7, 1);
  acc = acc.add(v);
  var c = new Color(i & 3, 1, 2);
  var info = {};
  info.color = c;
  info.distance = v.dot(acc) % 97;
  info.hit = (i & 1) === 0;
  sum = (sum + info.distance + info.color.brightness() + (info.hit ? 1 : 0)) % 1000000007;
}
out('checksum ' + sum);
