// Megamorphic property access: the same get and set sites see 6 object shapes
// (different keys before 'a' and 'b'), more than any inline cache holds.
var out = typeof console !== 'undefined' && console.log ? function (s) { console.log(s); } : print;
var SHAPES = 6;
function make(k, i) {
  var o = {};
  for (var p = 0; p < k % 7; p++) o['p' + p] = p;  // how many keys come first
  o['q' + k] = 0;                                     // one key per shape
  o.a = i;
  o.b = k;
  return o;
}
var objs = [];
for (var i = 0; i < 200; i++) objs.push(make(i % SHAPES, i));
var sum = 0;
for (var round = 0; round < 8000; round++) {
  for (var j = 0; j < objs.length; j++) {
    var o = objs[j];
    sum += o.a * o.b;
    o.a = (o.a + 1) % 1000;
  }
  sum = sum % 1000000007;
}
out('checksum ' + sum);
