// Shapes changing under a megamorphic site: objects of 12 classes read a
// method and a constant from their prototypes and get properties added after
// construction, while every so often a prototype gains or loses a property
// (which must expire cached lookups and cached adds).
var out = typeof console !== 'undefined' && console.log ? function (s) { console.log(s); } : print;
var classes = [];
for (var c = 0; c < 12; c++) {
  var F = new Function('this.k = ' + c + ';');
  F.prototype.scale = c + 1;
  F.prototype.get = function () { return this.k * this.scale; };
  classes.push(F);
}
function build(i) {
  var o = new classes[i % 12]();
  o.x = i;       // added after construction: a cached transition
  o.y = i & 7;
  return o;
}
var sum = 0;
for (var round = 0; round < 4000; round++) {
  for (var i = 0; i < 100; i++) {
    var o = build(i);
    sum += o.get() + o.x + o.y + o.scale;
  }
  var P = classes[round % 12].prototype;
  if (round % 50 === 0) P['extra' + (round % 3)] = round;  // a prototype changes shape
  if (round % 50 === 25) delete P['extra' + ((round - 25) % 3)];
  sum = sum % 1000000007;
}
out('checksum ' + sum);
